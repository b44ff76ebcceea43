package news.masthead.membership;

import java.time.Instant;
import java.util.List;

/**
 * What the account page shows about a reader's membership.
 *
 * @param planName    null when the reader has no membership
 * @param renewsOn    when it renews (or, for a cancelled or complimentary one, ends); null for none
 * @param endsInstead true when {@code renewsOn} is an end, not a renewal
 */
public record MembershipSummary(String planName, Status status, Instant renewsOn, boolean endsInstead,
                                List<Receipt> receipts) {

    public record Receipt(Instant paidAt, String description, String amount) {
    }

    public boolean member() {
        return planName != null;
    }
}
