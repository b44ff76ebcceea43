package news.masthead.syndication.feedin;

/**
 * What staff set for a feed: its address, a title for the admin, the section items land in, the
 * attribution line and licence printed with each imported article, whether items land as drafts or
 * published, whether to fetch each item's page (rather than trust the feed's text), and whether the
 * source lives on our own network (which allows private addresses).
 */
public record SourceSettings(String url, String title, String sectionSlug, String attribution, String licence,
                             boolean publish, boolean fetchFullPage, boolean internal) {
    public SourceSettings {
        url = url == null ? "" : url.strip();
        title = title == null ? "" : title.strip();
        sectionSlug = sectionSlug == null ? "" : sectionSlug.strip();
        attribution = attribution == null ? "" : attribution.strip();
        licence = licence == null ? "" : licence.strip();
    }
}
