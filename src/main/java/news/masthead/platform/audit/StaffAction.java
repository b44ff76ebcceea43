package news.masthead.platform.audit;

/**
 * One thing staff did to or about a reader, as the audit log keeps it.
 *
 * @param actor    who did it: {@code staff:<name>}, or {@code reader} for a reader's own erasure
 * @param action   a short stable verb phrase, e.g. {@code comment.ban}, {@code membership.complimentary}
 * @param readerId the reader it concerns, or null when there is none (a held word, say)
 * @param detail   a few words for the admin page (which comment, which plan), never the reader's data
 */
public record StaffAction(String actor, String action, Long readerId, String detail) {
    /** The actor string for a staff member's name. */
    public static String staff(String name) {
        return "staff:" + name;
    }
}
