package news.masthead.accounts;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The {@code sign_in_links} table and its time rules: a link lives {@link #LIFETIME}, works once,
 * and requests for links are limited to {@link #MAX_PER_EMAIL} per address and
 * {@link #MAX_PER_ADDRESS} per client IP within {@link #WINDOW}. Only the token's SHA-256 is stored.
 */
final class SignInLinks {
    static final Duration LIFETIME = Duration.ofMinutes(20);
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_PER_EMAIL = 3;
    static final int MAX_PER_ADDRESS = 10;
    /** Rows outlive their expiry this long, for the rate limit's window and for a clear "already used" page. */
    static final Duration KEEP = Duration.ofDays(1);

    enum Purpose {
        SIGN_IN("sign-in"), EMAIL_CHANGE("email-change");

        final String column;

        Purpose(String column) {
            this.column = column;
        }

        static Purpose of(String column) {
            return column.equals("sign-in") ? SIGN_IN : EMAIL_CHANGE;
        }
    }

    /** A link as stored: what using it does. {@code readerId} is null for sign-in links (they name an address). */
    record Link(long id, Purpose purpose, String email, Long readerId, String next, Instant expiresAt, Instant usedAt) {
    }

    /** What a token is worth now. */
    sealed interface Check {
        record Usable(Link link) implements Check {
        }

        record Used() implements Check {
        }

        record Expired() implements Check {
        }

        record Unknown() implements Check {
        }
    }

    /** Why no link may be made now, and for how long; the words never tell whether an account exists. */
    record Refusal(String message, Duration retryAfter) {
    }

    private static final RowMapper<Link> LINK = (rs, ctx) -> new Link(rs.getLong("id"), Purpose.of(rs.getString("purpose")),
            rs.getString("email"), rs.getObject("reader_id", Long.class), rs.getString("next_path"),
            rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
            rs.getObject("used_at", OffsetDateTime.class) == null ? null : rs.getObject("used_at", OffsetDateTime.class).toInstant());

    private final Jdbi jdbi;

    SignInLinks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Refusal> refusal(String email, String ip, Instant now) {
        Instant since = now.minus(WINDOW);
        return jdbi.withHandle(h -> {
            List<Instant> byEmail = h.createQuery("""
                            select created_at from sign_in_links where lower(email) = lower(:email) and created_at > :since
                            order by created_at desc limit :max""")
                    .bind("email", email).bind("since", since).bind("max", MAX_PER_EMAIL).mapTo(Instant.class).list();
            if (byEmail.size() >= MAX_PER_EMAIL) {
                Duration wait = Duration.between(now, byEmail.getLast().plus(WINDOW));
                return Optional.of(new Refusal("We have sent several links to this address in the last few minutes. Use the newest"
                        + " one, or ask for another in " + minutes(wait) + ".", wait));
            }
            List<Instant> byIp = h.createQuery("""
                            select created_at from sign_in_links where created_ip = :ip and created_at > :since
                            order by created_at desc limit :max""")
                    .bind("ip", ip).bind("since", since).bind("max", MAX_PER_ADDRESS).mapTo(Instant.class).list();
            if (byIp.size() >= MAX_PER_ADDRESS) {
                Duration wait = Duration.between(now, byIp.getLast().plus(WINDOW));
                return Optional.of(new Refusal("Too many links were asked for from your network. Try again in "
                        + minutes(wait) + ".", wait));
            }
            return Optional.empty();
        });
    }

    /** Records a new link in the caller's transaction and returns its token: the only copy, for the mail. */
    String issue(Handle h, Purpose purpose, String email, Long readerId, String next, String ip, Instant now) {
        String token = Secrets.random(32);
        h.createUpdate("""
                        insert into sign_in_links (token_hash, purpose, email, reader_id, next_path, created_at, expires_at, created_ip)
                        values (:hash, :purpose, :email, :reader, :next, :now, :expires, :ip)""")
                .bind("hash", Secrets.sha256(token)).bind("purpose", purpose.column).bind("email", email)
                .bind("reader", readerId).bind("next", next).bind("now", now).bind("expires", now.plus(LIFETIME))
                .bind("ip", ip).execute();
        return token;
    }

    /** Looks at a token without using it (the confirm page, which mail scanners may fetch). */
    Check check(String token, Instant now) {
        if (!Secrets.wellFormed(token)) {
            return new Check.Unknown();
        }
        return jdbi.withHandle(h -> find(h, token, false)).map(link -> classify(link, now)).orElse(new Check.Unknown());
    }

    /**
     * Uses the link in the caller's transaction: the row is locked, so of two simultaneous uses one
     * wins and the other sees it used. Anything but {@link Check.Usable} leaves the row as it was.
     */
    Check use(Handle h, String token, Instant now) {
        if (!Secrets.wellFormed(token)) {
            return new Check.Unknown();
        }
        Optional<Link> found = find(h, token, true);
        if (found.isEmpty()) {
            return new Check.Unknown();
        }
        Check check = classify(found.get(), now);
        if (check instanceof Check.Usable) {
            h.createUpdate("update sign_in_links set used_at = :now where id = :id").bind("now", now).bind("id", found.get().id()).execute();
        }
        return check;
    }

    /** Deletes links that expired more than {@link #KEEP} ago; returns how many. */
    int purge(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("delete from sign_in_links where expires_at < :cutoff")
                .bind("cutoff", now.minus(KEEP)).execute());
    }

    private static Optional<Link> find(Handle h, String token, boolean lock) {
        return h.createQuery("select id, purpose, email, reader_id, next_path, expires_at, used_at from sign_in_links"
                        + " where token_hash = :hash" + (lock ? " for update" : ""))
                .bind("hash", Secrets.sha256(token)).map(LINK).findOne();
    }

    private static Check classify(Link link, Instant now) {
        if (link.usedAt() != null) {
            return new Check.Used();
        }
        if (!now.isBefore(link.expiresAt())) {
            return new Check.Expired();
        }
        return new Check.Usable(link);
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }
}
