package news.masthead.membership;

import java.time.Duration;
import java.time.Instant;

/**
 * The subscription state machine, pure: no database, no HTTP, the time passed in. Each method
 * returns the subscription after the event, or throws {@link IllegalStateException} for a move the
 * machine does not allow.
 *
 * <pre>
 * trialing ──paid──▶ active ──payment failed──▶ past_due ──grace over──▶ expired
 *    │                 │  ▲─────────paid─────────────┘
 *    │                 └──cancel──▶ cancelled ──period end──▶ expired
 *    └──trial over, no payment──▶ past_due
 * </pre>
 * A past-due reader keeps their entitlements through the grace period; a cancelled one until the
 * end of the period already paid for.
 */
final class Lifecycle {
    static final Duration GRACE = Duration.ofDays(7);

    private Lifecycle() {
    }

    /** A payment went through (or a provider says the subscription is active) for a period ending then. */
    static Subscription paid(Subscription s, Instant periodEnd) {
        require(s, "be paid for", Status.TRIALING, Status.ACTIVE, Status.PAST_DUE);
        return s.with(Status.ACTIVE, periodEnd, null);
    }

    static Subscription paymentFailed(Subscription s, Instant now) {
        require(s, "fail a payment", Status.TRIALING, Status.ACTIVE, Status.PAST_DUE);
        Instant grace = s.status() == Status.PAST_DUE && s.graceUntil() != null ? s.graceUntil() : now.plus(GRACE);
        return s.with(Status.PAST_DUE, s.periodEnd(), grace);
    }

    /** The reader (or staff) cancels: what was paid for stays until the period ends. */
    static Subscription cancel(Subscription s) {
        require(s, "be cancelled", Status.TRIALING, Status.ACTIVE, Status.PAST_DUE);
        return s.with(Status.CANCELLED, s.periodEnd(), null);
    }

    /** Ends it now (the provider deleted it, or staff revoked it). */
    static Subscription expire(Subscription s, Instant now) {
        require(s, "expire", Status.TRIALING, Status.ACTIVE, Status.PAST_DUE, Status.CANCELLED);
        return s.with(Status.EXPIRED, now.isBefore(s.periodEnd()) ? now : s.periodEnd(), null);
    }

    /**
     * What time alone does: a trial or period that ended without word of a payment becomes past due
     * (the grace counted from the period end), a grace or a cancelled period that ran out expires.
     * Applying it again changes nothing.
     */
    static Subscription at(Subscription s, Instant now) {
        Subscription current = s;
        if ((current.status() == Status.TRIALING || current.status() == Status.ACTIVE) && !now.isBefore(current.periodEnd())) {
            current = current.with(Status.PAST_DUE, current.periodEnd(), current.periodEnd().plus(GRACE));
        }
        if (current.status() == Status.PAST_DUE && current.graceUntil() != null && !now.isBefore(current.graceUntil())) {
            current = current.with(Status.EXPIRED, current.periodEnd(), null);
        }
        if (current.status() == Status.CANCELLED && !now.isBefore(current.periodEnd())) {
            current = current.with(Status.EXPIRED, current.periodEnd(), null);
        }
        return current;
    }

    /** Whether the subscription grants its plan's entitlements at that moment. */
    static boolean grants(Subscription s, Instant now) {
        return at(s, now).status() != Status.EXPIRED;
    }

    /**
     * The provider's own word on a subscription (Stripe's {@code status}, period end and
     * {@code cancel_at_period_end}), mapped onto ours. The provider is authoritative, so any state
     * may follow, except that nothing revives an expired subscription.
     */
    static Subscription fromProvider(Subscription s, String providerStatus, Instant periodEnd, boolean cancelAtPeriodEnd, Instant now) {
        if (s.status() == Status.EXPIRED) {
            throw new IllegalStateException("An expired subscription cannot come back; a new one starts instead.");
        }
        Instant end = periodEnd == null ? s.periodEnd() : periodEnd;
        return switch (providerStatus) {
            case "active", "trialing" -> cancelAtPeriodEnd ? s.with(Status.CANCELLED, end, null)
                    : s.with(providerStatus.equals("active") ? Status.ACTIVE : Status.TRIALING, end, null);
            case "past_due", "unpaid", "incomplete" -> s.with(Status.PAST_DUE, end,
                    s.status() == Status.PAST_DUE && s.graceUntil() != null ? s.graceUntil() : now.plus(GRACE));
            case "canceled", "incomplete_expired" -> expire(s, now);
            default -> s;
        };
    }

    private static void require(Subscription s, String what, Status... allowed) {
        for (Status a : allowed) {
            if (s.status() == a) {
                return;
            }
        }
        throw new IllegalStateException("A " + s.status().label() + " subscription cannot " + what + ".");
    }
}
