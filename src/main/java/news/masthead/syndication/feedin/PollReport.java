package news.masthead.syndication.feedin;

import java.time.Instant;
import java.util.Map;

/**
 * What one poll did: whether the source answered with a feed we could read, a sentence for staff, how many
 * items ended how ({@code IMPORTED}, {@code UPDATED}, {@code DUPLICATE}, {@code KEPT}, {@code UNCHANGED},
 * {@code FAILED}), and after a failure when the next try is.
 */
public record PollReport(long sourceId, boolean ok, String message, Map<ItemOutcome, Integer> counts, Instant retryAt) {
    public PollReport {
        counts = Map.copyOf(counts);
    }

    static PollReport missing(long sourceId) {
        return new PollReport(sourceId, false, "There is no feed " + sourceId + ".", Map.of(), null);
    }

    static PollReport busy(long sourceId) {
        return new PollReport(sourceId, false, "This feed is being polled right now; try again in a minute.", Map.of(), null);
    }

    /** How many items ended as {@code outcome}. */
    public int count(ItemOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }
}
