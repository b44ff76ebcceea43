package news.masthead.syndication;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Absolute addresses for what leaves the site: feed readers and crawlers do not know our base URL. */
final class FeedLinks {
    private FeedLinks() {
    }

    /** {@code base + path} for a site-relative path; an absolute URL is kept as it is. */
    static String absolute(String base, String urlOrPath) {
        if (urlOrPath == null || urlOrPath.isBlank()) {
            return null;
        }
        if (urlOrPath.startsWith("http://") || urlOrPath.startsWith("https://")) {
            return urlOrPath;
        }
        return base + (urlOrPath.startsWith("/") ? "" : "/") + urlOrPath;
    }

    /** The body with every link and image made absolute, so it reads the same inside a feed reader. */
    static String absoluteHtml(String base, String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html, base + "/");
        doc.outputSettings().prettyPrint(false);
        for (Element a : doc.select("a[href]")) {
            a.attr("href", a.absUrl("href"));
        }
        for (Element img : doc.select("img[src]")) {
            img.attr("src", img.absUrl("src"));
            img.removeAttr("srcset");
        }
        return doc.body().html();
    }

    /**
     * An item's permanent id: stays the same when its slug or section changes, so readers never show
     * an edited article twice. A name-based UUID of the site and the article id.
     */
    static String itemId(String base, long articleId) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((base + "/article/" + articleId).getBytes(StandardCharsets.UTF_8));
    }
}
