package news.masthead.comments;

import java.util.List;

/**
 * What one reader sees under one article: the threads, and whether and why they may write.
 *
 * @param open       whether the article takes comments now (not closed by staff or by age)
 * @param mayWrite   whether this reader may post here now
 * @param why        when they may not: the sentence shown in place of the form ("Comments are closed.")
 * @param signedIn   whether a reader is signed in
 */
public record Conversation(long articleId, String articlePath, String headline, List<Thread> threads, boolean open,
                           boolean mayWrite, String why, boolean signedIn, Long readerId) {

    /** A top-level comment with its replies (one level). */
    public record Thread(Comment comment, List<Comment> replies) {
    }

    public int shown() {
        int n = 0;
        for (Thread t : threads) {
            n += t.comment().deleted() ? 0 : 1;
            for (Comment r : t.replies()) {
                n += r.deleted() ? 0 : 1;
            }
        }
        return n;
    }
}
