package news.masthead.partners;

/** What became of a partner's story when it arrived: a new article, a new revision, or nothing to do. */
public enum Arrival { CREATED, UPDATED, UNCHANGED }
