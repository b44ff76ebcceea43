package news.masthead.privacy;

import news.masthead.platform.audit.StaffAction;
import news.masthead.platform.audit.StaffAudit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The {@code staff_audit} table: written in the caller's transaction, read newest first for the admin page. */
final class AuditLog implements StaffAudit {
    private final Jdbi jdbi;
    private final Clock clock;

    AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void record(Handle h, StaffAction action) {
        h.createUpdate("insert into staff_audit (at, actor, action, reader_id, detail) values (:at, :actor, :action, :reader, :detail)")
                .bind("at", clock.instant()).bind("actor", cut(action.actor(), 300)).bind("action", cut(action.action(), 100))
                .bind("reader", action.readerId()).bind("detail", action.detail() == null ? "" : cut(action.detail(), 1000))
                .execute();
    }

    /** Records in its own transaction (an action whose feature keeps no transaction of its own, such as viewing an export). */
    void record(StaffAction action) {
        jdbi.useTransaction(h -> record(h, action));
    }

    /** The newest entries first, all of them or those about one reader. */
    List<AuditEntry> latest(Long readerId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, at, actor, action, reader_id, detail from staff_audit
                        where (cast(:reader as bigint) is null or reader_id = :reader)
                        order by at desc, id desc limit :limit""")
                .bind("reader", readerId).bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getObject("reader_id", Long.class), rs.getString("detail")))
                .list());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
