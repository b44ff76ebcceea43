package news.masthead.membership;

import news.masthead.accounts.Reader;
import news.masthead.platform.db.Database;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that answers what a reader may get: pages, feeds, the API and editions ask here and
 * nowhere else. An entitlement is a string a plan grants: {@code ad-light}, {@code premium},
 * {@code magazine}, {@code epaper} or {@code partner:<slug>}.
 *
 * <p>The answer folds into a {@link #variant small variant value} that keys the page cache: public
 * pages are cached once per variant, not per reader. Every reader without entitlements (signed in
 * or not) shares the anonymous variant {@code anon}; members with the same entitlements share
 * theirs, so members' pages stay cached.
 *
 * <p>The time is passed in; the subscription rules ({@code Lifecycle}) are applied at that moment,
 * so a grace period or a cancelled period ends exactly on time even before the sweep records it.
 */
public final class Entitlements {
    /** The variant of every reader who has no entitlement. */
    public static final String ANONYMOUS = "anon";

    private final Jdbi jdbi;

    public Entitlements(Database database) {
        this.jdbi = database.jdbi();
    }

    /** What this reader may get at {@code now}; empty for none. Sorted. */
    public Set<String> of(Reader reader, Instant now) {
        return reader == null ? Set.of() : of(reader.id(), now);
    }

    public Set<String> of(long readerId, Instant now) {
        return jdbi.withHandle(h -> {
            Set<String> granted = new TreeSet<>();
            for (Subscription s : SubscriptionRows.ofReader(h, readerId)) {
                if (Lifecycle.grants(s, now)) {
                    PlanRows.find(h, s.planId()).ifPresent(p -> granted.addAll(p.entitlements()));
                }
            }
            return java.util.Collections.unmodifiableSet(granted);
        });
    }

    /**
     * What a reader holds at {@code now}, and the first moment after it when time alone may change that
     * (a period, trial or grace period ending; null when nothing they hold ends by time). Events — a
     * payment, a cancellation, a grant — change it too; {@link Membership#onChange} tells of those.
     */
    public record Holding(Set<String> entitlements, Instant validUntil) {
    }

    public Holding holding(long readerId, Instant now) {
        return jdbi.withHandle(h -> {
            Set<String> granted = new TreeSet<>();
            Instant until = null;
            for (Subscription s : SubscriptionRows.ofReader(h, readerId)) {
                if (!Lifecycle.grants(s, now)) {
                    continue; // nothing brings an expired subscription back by time alone
                }
                PlanRows.find(h, s.planId()).ifPresent(p -> granted.addAll(p.entitlements()));
                for (Instant moment : new Instant[] {s.periodEnd(), s.graceUntil(), s.periodEnd().plus(Lifecycle.GRACE)}) {
                    if (moment != null && moment.isAfter(now) && (until == null || moment.isBefore(until))) {
                        until = moment;
                    }
                }
            }
            return new Holding(java.util.Collections.unmodifiableSet(granted), until);
        });
    }

    /** Whether the reader holds that entitlement at {@code now}. */
    public boolean has(Reader reader, String entitlement, Instant now) {
        return of(reader, now).contains(entitlement);
    }

    /**
     * The page-cache variant for a set of entitlements: {@code anon} for none, otherwise the sorted
     * entitlements joined by {@code +} (such as {@code ad-light+premium}). Stable for equal sets, and
     * short: there are few entitlements.
     */
    public static String variant(Collection<String> entitlements) {
        if (entitlements == null || entitlements.isEmpty()) {
            return ANONYMOUS;
        }
        return String.join("+", new TreeSet<>(entitlements));
    }

    /** The variant of this reader (null for someone not signed in) at {@code now}. */
    public String variantOf(Reader reader, Instant now) {
        return variant(of(reader, now));
    }
}
