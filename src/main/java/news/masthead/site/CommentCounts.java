package news.masthead.site;

/**
 * How many comments readers see under an article, for the teasers of list pages. Asked when a list
 * is rendered — a cache miss, not every request — one indexed count per teaser. The count is part of
 * the cached page, so whoever owns comments must purge {@code article:<id>} when it changes: every
 * list carries the surrogate keys of the articles it shows, so that purges exactly the lists (and the
 * article page) that show the count. {@code app} wires the comments feature in.
 */
@FunctionalInterface
public interface CommentCounts {
    CommentCounts NONE = articleId -> 0;

    int of(long articleId);

    /** "1 comment", "12 comments", or empty when there are none. */
    default String label(long articleId) {
        int n = of(articleId);
        return n <= 0 ? "" : n == 1 ? "1 comment" : n + " comments";
    }
}
