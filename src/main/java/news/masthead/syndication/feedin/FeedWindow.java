package news.masthead.syndication.feedin;

import java.util.List;

/**
 * One read of a feed for another feature ({@link FeedImport#read}): the items the feed shows now (a feed is
 * a window: an item missing from it is not an item removed), the caching headers for the next conditional
 * read, or why it could not be read ({@code failure}, with the HTTP status when a server answered one).
 */
public record FeedWindow(boolean notModified, String title, List<FeedEntry> entries, String etag, String lastModified,
                         String failure, int httpStatus) {
    public FeedWindow {
        entries = entries == null ? List.of() : List.copyOf(entries);
        title = title == null ? "" : title;
    }

    static FeedWindow notModified(String etag, String lastModified) {
        return new FeedWindow(true, "", List.of(), etag, lastModified, null, 304);
    }

    static FeedWindow failed(String message, int httpStatus) {
        return new FeedWindow(false, "", List.of(), null, null, message, httpStatus);
    }

    public boolean ok() {
        return failure == null;
    }
}
