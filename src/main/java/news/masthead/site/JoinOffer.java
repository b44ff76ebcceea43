package news.masthead.site;

import java.util.Optional;

/**
 * What the join box under a gated article offers: the cheapest plan readers can join that grants the
 * article's requirement, as readers read it ("Member", "$5 a month").
 */
public record JoinOffer(String planName, String price) {

    /** Where offers come from ({@code app} asks membership for its cheapest active plan granting the entitlement). */
    @FunctionalInterface
    public interface Source {
        Optional<JoinOffer> cheapestGranting(String entitlement);

        /** No plans known: the join box links to {@code /membership} without a price. */
        static Source none() {
            return entitlement -> Optional.empty();
        }
    }
}
