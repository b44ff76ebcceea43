package news.masthead.syndication.feedin;

/** How one item ended in one poll. */
public enum ItemOutcome {
    /** A new article. */
    IMPORTED,
    /** A new revision of the item's article. */
    UPDATED,
    /** The same story is already here from another source; flagged, not stored again. */
    DUPLICATE,
    /** Changed at the source, but edited here since; not overwritten. */
    KEPT,
    /** Nothing changed. */
    UNCHANGED,
    /** Not imported this time; the item's error says why, and the next poll tries again. */
    FAILED
}
