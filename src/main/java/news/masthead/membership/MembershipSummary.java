package news.masthead.membership;

import java.time.Instant;
import java.util.List;

/**
 * What the account page shows about a reader's membership.
 *
 * @param planName    null when the reader has no membership
 * @param renewsOn    when it renews (or, for a cancelled or complimentary one, ends); null for none
 * @param endsInstead true when {@code renewsOn} is an end, not a renewal
 * @param provider    demo, stripe or complimentary; null for none
 */
public record MembershipSummary(String planName, Status status, Instant renewsOn, boolean endsInstead,
                                String provider, List<Receipt> receipts) {

    /** Managed in Stripe's customer portal (card, cancelling) rather than here. */
    public boolean inStripe() {
        return "stripe".equals(provider);
    }

    /** The reader may cancel it here (demo memberships not yet cancelled). */
    public boolean cancellableHere() {
        return "demo".equals(provider) && status != Status.CANCELLED;
    }

    public record Receipt(Instant paidAt, String description, String amount) {
    }

    public boolean member() {
        return planName != null;
    }
}
