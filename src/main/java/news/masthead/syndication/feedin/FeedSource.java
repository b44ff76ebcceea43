package news.masthead.syndication.feedin;

import java.time.Instant;

/**
 * A feed we subscribe to, with its import settings and its health: when it last worked, the last error,
 * how many polls in a row failed, and when it is next due.
 */
public record FeedSource(long id, String url, String title, String sectionSlug, String attribution, String licence,
                         boolean publish, boolean fetchFullPage, boolean internal, String etag, String lastModified,
                         Instant nextPollAt, int consecutiveFailures, String lastError, Instant lastErrorAt,
                         Instant lastSuccessAt) {

    /** Whether the last poll worked (or none has failed yet). */
    public boolean healthy() {
        return consecutiveFailures == 0;
    }
}
