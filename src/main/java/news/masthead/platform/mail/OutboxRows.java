package news.masthead.platform.mail;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/** The {@code outbox_mail} table: reads and writes rows, knows no rules. */
final class OutboxRows {
    private final Jdbi jdbi;

    OutboxRows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A claimed mail: what delivery needs, and which attempt this is. */
    record Claimed(long id, Message message, int attempt) {
    }

    long insert(Handle h, Message m, Instant now) {
        return h.createUpdate("""
                        insert into outbox_mail (recipient, subject, text_body, html_body, next_attempt_at, created_at)
                        values (:to, :subject, :text, :html, :now, :now)""")
                .bind("to", m.to()).bind("subject", m.subject()).bind("text", m.text()).bind("html", m.html())
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /**
     * Claims up to {@code limit} due mails for this node: counts the attempt and pushes the next try
     * to {@code leaseUntil}, so another node skips them, and a node that dies mid-delivery only
     * delays them until the lease ends.
     */
    List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbi.inTransaction(h -> h.createQuery("""
                        update outbox_mail set attempts = attempts + 1, next_attempt_at = :lease
                        where id in (select id from outbox_mail
                                     where status = 'queued' and next_attempt_at <= :now
                                     order by next_attempt_at, id limit :limit
                                     for update skip locked)
                        returning id, recipient, subject, text_body, html_body, attempts""")
                .bind("now", now).bind("lease", leaseUntil).bind("limit", limit)
                .map((rs, ctx) -> new Claimed(rs.getLong("id"),
                        new Message(rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                                rs.getString("html_body")),
                        rs.getInt("attempts")))
                .list());
    }

    /** SMTP accepted it: the body is erased, so the table never keeps a live link longer than needed. */
    void sent(long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update outbox_mail set status = 'sent', sent_at = :now, text_body = null, html_body = null,
                        last_error = null where id = :id""")
                .bind("id", id).bind("now", now).execute());
    }

    /** No SMTP: written to the log; the body stays for the admin outbox page. */
    void logged(long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("update outbox_mail set status = 'logged', sent_at = :now where id = :id")
                .bind("id", id).bind("now", now).execute());
    }

    void retryAt(long id, Instant next, String error) {
        jdbi.useHandle(h -> h.createUpdate("update outbox_mail set next_attempt_at = :next, last_error = :error where id = :id")
                .bind("id", id).bind("next", next).bind("error", error).execute());
    }

    void failed(long id, String error) {
        jdbi.useHandle(h -> h.createUpdate("update outbox_mail set status = 'failed', last_error = :error where id = :id")
                .bind("id", id).bind("error", error).execute());
    }

    List<OutboxMail> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, recipient, subject, text_body, status, attempts, last_error, created_at, sent_at
                        from outbox_mail order by created_at desc, id desc limit :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new OutboxMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("text_body"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject("sent_at", java.time.OffsetDateTime.class) == null ? null
                                : rs.getObject("sent_at", java.time.OffsetDateTime.class).toInstant()))
                .list());
    }

    /** Deletes delivered mail (sent or logged) before {@code deliveredBefore} and failed mail before {@code failedBefore}. */
    int purge(Instant deliveredBefore, Instant failedBefore) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        delete from outbox_mail
                        where (status in ('sent', 'logged') and sent_at < :delivered)
                           or (status = 'failed' and created_at < :failed)""")
                .bind("delivered", deliveredBefore).bind("failed", failedBefore).execute());
    }
}
