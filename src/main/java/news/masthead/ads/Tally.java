package news.masthead.ads;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Impressions and clicks counted in memory and added to {@code ad_daily_counts} every few seconds
 * (and when the node stops), so a busy page costs no database write per view. Adding is
 * commutative, so every node flushes its own tally and the sums stay right. Per creative and UTC
 * day only: nothing about who saw or clicked.
 */
final class Tally {
    record Key(long creativeId, LocalDate day) {
    }

    private final Clock clock;
    private final CreativeRows rows;
    private Map<Key, long[]> pending = new HashMap<>();

    Tally(Clock clock, CreativeRows rows) {
        this.clock = clock;
        this.rows = rows;
    }

    synchronized void impression(long creativeId) {
        counts(creativeId)[0]++;
    }

    synchronized void click(long creativeId) {
        counts(creativeId)[1]++;
    }

    private long[] counts(long creativeId) {
        return pending.computeIfAbsent(new Key(creativeId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)), k -> new long[2]);
    }

    /** Writes what was counted since the last flush; on failure the counts are kept for the next try. */
    void flush() {
        Map<Key, long[]> taken;
        synchronized (this) {
            taken = pending;
            pending = new HashMap<>();
        }
        try {
            rows.add(taken);
        } catch (RuntimeException e) {
            synchronized (this) {
                taken.forEach((key, n) -> {
                    long[] c = pending.computeIfAbsent(key, k -> new long[2]);
                    c[0] += n[0];
                    c[1] += n[1];
                });
            }
            throw e;
        }
    }
}
