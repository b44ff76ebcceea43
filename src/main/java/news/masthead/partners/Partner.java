package news.masthead.partners;

import java.time.Instant;

/**
 * A partner publication: who they are (name, slug, logo photo, site), the licence we republish under, the
 * section their articles land in, their feed (optional) and its health.
 */
public record Partner(long id, String slug, String name, String siteUrl, Long logoPhotoId, String licence,
                      String sectionSlug, String feedUrl, boolean feedInternal, Instant lastSuccessAt, String lastError,
                      Instant lastErrorAt, int consecutiveFailures, Instant nextPollAt, String lastReport) {

    /** The entitlement a reader needs to read this partner's articles in full: {@code partner:<slug>}. */
    public String entitlement() {
        return "partner:" + slug;
    }

    public boolean hasFeed() {
        return feedUrl != null && !feedUrl.isBlank();
    }

    /** "not polled yet", "working" or "failing". */
    public String health() {
        if (!hasFeed()) {
            return "no feed";
        }
        if (lastSuccessAt == null && lastErrorAt == null) {
            return "not polled yet";
        }
        return consecutiveFailures == 0 ? "working" : "failing";
    }
}
