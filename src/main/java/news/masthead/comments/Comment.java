package news.masthead.comments;

import java.time.Instant;

/**
 * One comment as stored. {@code parentId} is null for a top-level comment; replies hang one level
 * below. A deleted comment keeps its place in the thread and shows as "Comment deleted."
 *
 * @param readerId the author's reader account; 0 for a comment imported from another system, which has none
 * @param status   held (waiting for staff), shown, or rejected
 */
public record Comment(long id, long articleId, Long parentId, long readerId, String authorName, boolean byStaff,
                      String bodyText, String bodyHtml, String status, String heldBecause, Instant createdAt,
                      Instant editedAt, Instant deletedAt, int reports) {

    public boolean deleted() {
        return deletedAt != null;
    }

    /** Brought over from another system: written by no reader account here. */
    public boolean imported() {
        return readerId == 0;
    }

    public boolean held() {
        return "held".equals(status);
    }
}
