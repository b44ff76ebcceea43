package news.masthead.membership;

import java.time.Instant;

/**
 * One reader's membership of one plan.
 *
 * @param periodEnd  the end of the paid (or trial, or complimentary) period
 * @param graceUntil while past due, entitlements are kept until then
 */
public record Subscription(long id, long readerId, long planId, String provider, String providerRef, Status status,
                           Instant periodEnd, Instant graceUntil) {

    Subscription with(Status s, Instant periodEnd, Instant graceUntil) {
        return new Subscription(id, readerId, planId, provider, providerRef, s, periodEnd, graceUntil);
    }
}
