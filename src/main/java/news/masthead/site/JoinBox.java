package news.masthead.site;

/**
 * The box under a gated article's free part for readers who lack its requirement.
 *
 * @param label what the article is ("Premium")
 * @param offer the cheapest plan granting it, or null when none is on offer (the box still links to /membership)
 */
public record JoinBox(String label, JoinOffer offer) {
}
