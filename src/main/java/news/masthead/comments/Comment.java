package news.masthead.comments;

import java.time.Instant;

/**
 * One comment as stored. {@code parentId} is null for a top-level comment; replies hang one level
 * below. A deleted comment keeps its place in the thread and shows as "Comment deleted."
 *
 * @param status held (waiting for staff), shown, or rejected
 */
public record Comment(long id, long articleId, Long parentId, long readerId, String authorName, boolean byStaff,
                      String bodyText, String bodyHtml, String status, String heldBecause, Instant createdAt,
                      Instant editedAt, Instant deletedAt, int reports) {

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean held() {
        return "held".equals(status);
    }
}
