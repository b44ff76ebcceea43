package news.masthead.syndication.feedin;

import java.time.Instant;
import java.util.List;

/**
 * One item as a feed gives it, whatever the format: its stable id (RSS guid, Atom id, JSON Feed id; the
 * link when a feed has none), link, title, summary and full content as HTML (either may be blank), author
 * names, the last time the feed says it changed (null when it does not say), and the address of its image
 * (an image enclosure, {@code media:content} or {@code media:thumbnail}, JSON Feed's {@code image}; empty when none).
 */
public record FeedEntry(String guid, String link, String title, String summaryHtml, String contentHtml,
                        List<String> authors, Instant updated, String imageUrl) {
    public FeedEntry(String guid, String link, String title, String summaryHtml, String contentHtml, List<String> authors, Instant updated) {
        this(guid, link, title, summaryHtml, contentHtml, authors, updated, "");
    }

    public FeedEntry {
        authors = authors == null ? List.of() : List.copyOf(authors);
        guid = guid == null ? "" : guid.strip();
        link = link == null ? "" : link.strip();
        title = title == null ? "" : title.strip();
        summaryHtml = summaryHtml == null ? "" : summaryHtml;
        contentHtml = contentHtml == null ? "" : contentHtml;
        imageUrl = imageUrl == null ? "" : imageUrl.strip();
    }
}
