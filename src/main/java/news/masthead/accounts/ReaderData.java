package news.masthead.accounts;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What accounts keeps about one reader, for their privacy rights: the export, the erasure, and the
 * retention purges of links, login attempts and sessions. Plain SQL on accounts' own tables.
 */
final class ReaderData {
    private final Jdbi jdbi;

    ReaderData(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The account and a summary of its sessions (never a token or its hash); empty for an unknown or erased reader. */
    Optional<Map<String, Object>> export(long readerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, email, display_name, created_at, email_verified_at from readers
                        where id = :id and deleted_at is null""")
                .bind("id", readerId)
                .map((rs, ctx) -> {
                    Map<String, Object> account = new LinkedHashMap<>();
                    account.put("id", rs.getLong("id"));
                    account.put("email", rs.getString("email"));
                    account.put("displayName", rs.getString("display_name"));
                    account.put("createdAt", instant(rs.getTimestamp("created_at")));
                    account.put("emailVerifiedAt", instant(rs.getTimestamp("email_verified_at")));
                    return account;
                }).findOne()
                .map(account -> {
                    List<Map<String, Object>> sessions = h.createQuery("""
                                    select created_at, last_seen_at, expires_at from reader_sessions
                                    where reader_id = :id order by created_at""")
                            .bind("id", readerId)
                            .map((rs, ctx) -> {
                                Map<String, Object> s = new LinkedHashMap<>();
                                s.put("signedInAt", instant(rs.getTimestamp("created_at")));
                                s.put("lastSeenAt", instant(rs.getTimestamp("last_seen_at")));
                                s.put("expiresAt", instant(rs.getTimestamp("expires_at")));
                                return s;
                            }).list();
                    account.put("sessions", sessions);
                    long links = h.createQuery("""
                                    select count(*) from sign_in_links
                                    where reader_id = :id or lower(email) = lower(:email)""")
                            .bind("id", readerId).bind("email", (String) account.get("email")).mapTo(Long.class).one();
                    account.put("signInLinksOnRecord", links);
                    return account;
                }));
    }

    /**
     * Erases a reader in one transaction: every session and sign-in link goes, the address and name
     * are blanked, {@code deleted_at} is set (the row stays for what refers to it, and can never sign
     * in again). Returns the address the reader had, or empty when there was no live reader.
     */
    Optional<String> erase(long readerId, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<String> email = h.createQuery("select email from readers where id = :id and deleted_at is null for update")
                    .bind("id", readerId).mapTo(String.class).findOne();
            if (email.isEmpty()) {
                return email;
            }
            h.createUpdate("delete from reader_sessions where reader_id = :id").bind("id", readerId).execute();
            h.createUpdate("delete from sign_in_links where reader_id = :id or lower(email) = lower(:email)")
                    .bind("id", readerId).bind("email", email.get()).execute();
            h.createUpdate("delete from login_attempts where lower(email) = lower(:email)").bind("email", email.get()).execute();
            h.createUpdate("""
                            update readers set email = '', display_name = '', email_verified_at = null, deleted_at = :now
                            where id = :id""")
                    .bind("now", now).bind("id", readerId).execute();
            return email;
        });
    }

    /** Sign-in links expired, or used, more than {@code keep} ago. */
    int purgeSignInLinks(Instant now, Duration keep) {
        Instant cutoff = now.minus(keep);
        return jdbi.withHandle(h -> h.createUpdate("delete from sign_in_links where expires_at < :cutoff or used_at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }

    int purgeLoginAttempts(Instant now, Duration keep) {
        return jdbi.withHandle(h -> h.createUpdate("delete from login_attempts where at < :cutoff")
                .bind("cutoff", now.minus(keep)).execute());
    }

    /** Staff sessions past either expiry (12 h idle, 7 days). */
    int purgeStaffSessions(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("delete from staff_sessions where expires_at <= :now or last_seen_at <= :idleSince")
                .bind("now", now).bind("idleSince", now.minus(Sessions.IDLE)).execute());
    }

    /** Reader sessions past either expiry (30 days idle, 180 days). */
    int purgeReaderSessions(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("delete from reader_sessions where expires_at <= :now or last_seen_at <= :idleSince")
                .bind("now", now).bind("idleSince", now.minus(ReaderSessions.IDLE)).execute());
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
