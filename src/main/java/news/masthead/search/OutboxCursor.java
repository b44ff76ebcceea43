package news.masthead.search;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the follower stands in the outbox. Outbox ids come from a sequence, so a transaction that
 * took id 10 may commit after the one that took id 11: reading "after the highest id seen" would
 * skip 10 for good. The cursor therefore keeps a watermark below which everything is applied, and
 * remembers entries applied above a gap. A gap that stays open longer than {@link #PATIENCE_NANOS}
 * belongs to a rolled-back transaction and is stepped over.
 */
final class OutboxCursor {
    static final long PATIENCE_NANOS = 5_000_000_000L;

    private long watermark;
    private final TreeSet<Long> appliedAbove = new TreeSet<>();
    private long stuckSince = -1;

    OutboxCursor(long watermark) {
        this.watermark = watermark;
    }

    /** Everything up to and including this outbox id is in the index. */
    long watermark() {
        return watermark;
    }

    boolean alreadyApplied(long changeId) {
        return changeId <= watermark || appliedAbove.contains(changeId);
    }

    /** Records entries as applied and moves the watermark as far as the gaps allow. */
    void applied(Collection<Long> changeIds, long nowNanos) {
        for (long id : changeIds) {
            if (id > watermark) {
                appliedAbove.add(id);
            }
        }
        while (!appliedAbove.isEmpty()) {
            if (appliedAbove.first() == watermark + 1) {
                watermark = appliedAbove.pollFirst();
                stuckSince = -1;
            } else if (stuckSince < 0) {
                stuckSince = nowNanos;
                return;
            } else if (nowNanos - stuckSince >= PATIENCE_NANOS) {
                watermark = appliedAbove.first() - 1;
            } else {
                return;
            }
        }
    }

    /** Entries of {@code batch} not applied yet. */
    List<Long> pending(List<Long> batch) {
        return batch.stream().filter(id -> !alreadyApplied(id)).toList();
    }
}
