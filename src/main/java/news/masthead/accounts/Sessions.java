package news.masthead.accounts;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Staff sessions, held only in the database ({@code staff_sessions}) so any node can serve any
 * request. A row is found by the SHA-256 of the cookie value; the value itself is never stored.
 * A session ends after {@link #IDLE} without a request or {@link #ABSOLUTE} after sign-in,
 * whichever comes first.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(12);
    static final Duration ABSOLUTE = Duration.ofDays(7);
    /** {@code last_seen_at} is written at most this often, so reading pages costs no write each time. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;

    Sessions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Opens a session for the staff member and returns the cookie value: the only copy of it. */
    String open(long staffId) {
        String value = Secrets.random(32);
        Instant now = now();
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from staff_sessions where expires_at <= :now or last_seen_at <= :idleSince")
                    .bind("now", now).bind("idleSince", now.minus(IDLE)).execute();
            h.createUpdate("""
                            insert into staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at)
                            values (:hash, :staff, :now, :now, :expires)""")
                    .bind("hash", Secrets.sha256(value)).bind("staff", staffId).bind("now", now)
                    .bind("expires", now.plus(ABSOLUTE)).execute();
        });
        return value;
    }

    /** The staff member a live session belongs to; slides the idle expiry forward. */
    Optional<StaffMember> find(String cookieValue) {
        if (!wellFormed(cookieValue)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(cookieValue);
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery("""
                        select s.last_seen_at, s.expires_at, m.id, m.email, m.name, m.role
                        from staff_sessions s join staff m on m.id = s.staff_id
                        where s.token_hash = :hash and not m.disabled""")
                .bind("hash", hash)
                .map((rs, ctx) -> new Row(
                        new StaffMember(rs.getLong("id"), rs.getString("email"), rs.getString("name"), Role.parse(rs.getString("role"))),
                        rs.getObject("last_seen_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", java.time.OffsetDateTime.class).toInstant()))
                .findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant now = now();
        Row r = row.get();
        if (!now.isBefore(r.expiresAt()) || !now.isBefore(r.lastSeenAt().plus(IDLE))) {
            delete(hash);
            return Optional.empty();
        }
        if (!now.isBefore(r.lastSeenAt().plus(TOUCH_EVERY))) {
            jdbi.useHandle(h -> h.createUpdate("update staff_sessions set last_seen_at = :now where token_hash = :hash")
                    .bind("now", now).bind("hash", hash).execute());
        }
        return Optional.of(r.member());
    }

    /** Ends the session (sign-out); nothing happens for an unknown value. */
    void close(String cookieValue) {
        if (wellFormed(cookieValue)) {
            delete(Secrets.sha256(cookieValue));
        }
    }

    private void delete(String hash) {
        jdbi.useHandle(h -> h.createUpdate("delete from staff_sessions where token_hash = :hash").bind("hash", hash).execute());
    }

    private static boolean wellFormed(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{43}");
    }

    private record Row(StaffMember member, Instant lastSeenAt, Instant expiresAt) {
    }

    /** PostgreSQL keeps microseconds; cutting the clock to them keeps expiry comparisons exact. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
