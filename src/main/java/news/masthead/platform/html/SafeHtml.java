package news.masthead.platform.html;

import org.jsoup.Jsoup;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** HTML sanitizing policies (OWASP Java HTML Sanitizer): what markup each kind of text may keep. */
public final class SafeHtml {
    private static final java.util.regex.Pattern OWN_PHOTO = java.util.regex.Pattern.compile("/media/photos/[0-9]{1,18}/[0-9]{1,5}\\.(jpg|png|webp)");
    private static final PolicyFactory ARTICLE = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a").allowAttributes("href", "title").onElements("a")
                    .allowStandardUrlProtocols().requireRelsOnLinks("noopener", "noreferrer")
                    .allowElements("pre", "code", "hr", "br", "figure", "figcaption", "del", "ins", "sup", "sub")
                    // images only from our own photo library (imported posts' inline images point there)
                    .allowElements("img").allowAttributes("alt", "title").onElements("img")
                    .allowAttributes("src").matching(OWN_PHOTO).onElements("img")
                    .toFactory());

    private SafeHtml() {
    }

    /**
     * Body HTML of an article: paragraphs, headings, lists, quotes, tables, links (http, https, mailto), and
     * images whose {@code src} is a rendition of our own photo library ({@code /media/photos/{id}/{width}.jpg}).
     */
    public static String article(String html) {
        return ARTICLE.sanitize(html);
    }

    /** The visible text of an HTML fragment, whitespace collapsed (for search, feeds' summaries, meta descriptions). */
    public static String text(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return Jsoup.parseBodyFragment(html).text();
    }
}
