package news.masthead.privacy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line of the audit log: who did what about which reader, when. */
public record AuditEntry(long id, Instant at, String actor, String action, Long readerId, String detail) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The time as the admin page shows it (UTC). */
    public String when() {
        return SHOWN.format(at);
    }
}
