package news.masthead.accounts;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reader sessions, held only in the database ({@code reader_sessions}) so any node can serve any
 * request. Found by the SHA-256 of the cookie value. A session ends after {@link #IDLE} without a
 * request or {@link #ABSOLUTE} after sign-in, whichever comes first, or when the reader signs out
 * everywhere.
 */
final class ReaderSessions {
    static final Duration IDLE = Duration.ofDays(30);
    static final Duration ABSOLUTE = Duration.ofDays(180);
    /** {@code last_seen_at} is written at most this often, so reading pages costs no write each time. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(10);

    private final Jdbi jdbi;

    ReaderSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Opens a session in the caller's transaction and returns the cookie value: the only copy of it. */
    String open(Handle h, long readerId, Instant now) {
        String value = Secrets.random(32);
        h.createUpdate("""
                        insert into reader_sessions (token_hash, reader_id, created_at, last_seen_at, expires_at)
                        values (:hash, :reader, :now, :now, :expires)""")
                .bind("hash", Secrets.sha256(value)).bind("reader", readerId).bind("now", now)
                .bind("expires", now.plus(ABSOLUTE)).execute();
        return value;
    }

    /** The reader a live session belongs to; slides the idle expiry forward. */
    Optional<Reader> find(String cookieValue, Instant now) {
        if (!Secrets.wellFormed(cookieValue)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(cookieValue);
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery("""
                        select s.last_seen_at, s.expires_at, r.id, r.email, r.display_name
                        from reader_sessions s join readers r on r.id = s.reader_id
                        where s.token_hash = :hash and r.deleted_at is null""")
                .bind("hash", hash)
                .map((rs, ctx) -> new Row(ReaderRows.READER.map(rs, ctx),
                        rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        if (!now.isBefore(r.expiresAt()) || !now.isBefore(r.lastSeenAt().plus(IDLE))) {
            delete(hash);
            return Optional.empty();
        }
        if (!now.isBefore(r.lastSeenAt().plus(TOUCH_EVERY))) {
            jdbi.useHandle(h -> h.createUpdate("update reader_sessions set last_seen_at = :now where token_hash = :hash")
                    .bind("now", now).bind("hash", hash).execute());
        }
        return Optional.of(r.reader());
    }

    /** Ends one session (sign out); nothing happens for an unknown value. */
    void close(String cookieValue) {
        if (Secrets.wellFormed(cookieValue)) {
            delete(Secrets.sha256(cookieValue));
        }
    }

    /** Ends every session of the reader, on every node; returns how many there were. */
    int closeAll(long readerId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from reader_sessions where reader_id = :id").bind("id", readerId).execute());
    }

    /** Deletes sessions past either expiry; returns how many. */
    int purge(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("delete from reader_sessions where expires_at <= :now or last_seen_at <= :idleSince")
                .bind("now", now).bind("idleSince", now.minus(IDLE)).execute());
    }

    private void delete(String hash) {
        jdbi.useHandle(h -> h.createUpdate("delete from reader_sessions where token_hash = :hash").bind("hash", hash).execute());
    }

    private record Row(Reader reader, Instant lastSeenAt, Instant expiresAt) {
    }
}
