package news.masthead.site;

/**
 * Surrogate keys: the labels a cached response carries so a change can purge every response that
 * shows it. A list page carries the keys of the articles it lists, so a headline edit reaches it.
 */
final class Keys {
    /** Every public response: the site settings and the navigation are on all of them. */
    static final String SITE = "site";
    static final String HOME = "home";
    static final String FEEDS = "feeds";
    static final String SITEMAPS = "sitemaps";
    /** Redirects from old article paths: any article change may add or retarget one. */
    static final String REDIRECTS = "redirects";

    private Keys() {
    }

    static String article(long id) {
        return "article:" + id;
    }

    static String section(String slug) {
        return "section:" + slug;
    }

    static String author(String slug) {
        return "author:" + slug;
    }

    static String tag(String slug) {
        return "tag:" + slug;
    }
}
