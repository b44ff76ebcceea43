package news.masthead.accounts;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sign-in rate limit, shared by every node through {@code login_attempts}: at most
 * {@link #MAX_PER_EMAIL} failures per email and {@link #MAX_PER_ADDRESS} per IP address within
 * {@link #WINDOW}. A successful sign-in clears the count for its email (not for its address, or one
 * valid account would reset an attacker's budget). Refused attempts are not recorded, so the lock
 * lifts when the window has passed.
 */
final class LoginAttempts {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_PER_EMAIL = 5;
    static final int MAX_PER_ADDRESS = 20;
    private static final Duration KEEP = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final Clock clock;

    LoginAttempts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Why a sign-in may not even be tried now, and for how long. */
    record Refusal(String message, Duration retryAfter) {
    }

    Optional<Refusal> refusal(String email, String address) {
        Instant now = now();
        Instant since = now.minus(WINDOW);
        List<Instant> byEmail = jdbi.withHandle(h -> h.createQuery("""
                        select at from login_attempts
                        where lower(email) = :email and not succeeded and at > :since
                          and at > coalesce((select max(at) from login_attempts
                                             where lower(email) = :email and succeeded), '-infinity')
                        order by at desc limit :max""")
                .bind("email", normalize(email)).bind("since", since).bind("max", MAX_PER_EMAIL)
                .mapTo(Instant.class).list());
        if (byEmail.size() >= MAX_PER_EMAIL) {
            Duration wait = Duration.between(now, byEmail.getLast().plus(WINDOW));
            return Optional.of(new Refusal("Too many failed sign-ins for this email address. Try again in "
                    + minutes(wait) + ".", wait));
        }
        List<Instant> byAddress = jdbi.withHandle(h -> h.createQuery("""
                        select at from login_attempts where ip = :ip and not succeeded and at > :since
                        order by at desc limit :max""")
                .bind("ip", address).bind("since", since).bind("max", MAX_PER_ADDRESS)
                .mapTo(Instant.class).list());
        if (byAddress.size() >= MAX_PER_ADDRESS) {
            Duration wait = Duration.between(now, byAddress.getLast().plus(WINDOW));
            return Optional.of(new Refusal("Too many failed sign-ins from your network. Try again in "
                    + minutes(wait) + ".", wait));
        }
        return Optional.empty();
    }

    void record(String email, String address, boolean succeeded) {
        Instant now = now();
        jdbi.useTransaction(h -> {
            h.createUpdate("insert into login_attempts (email, ip, succeeded, at) values (:email, :ip, :ok, :now)")
                    .bind("email", normalize(email)).bind("ip", address).bind("ok", succeeded).bind("now", now).execute();
            if (succeeded) {
                h.createUpdate("delete from login_attempts where at < :cutoff").bind("cutoff", now.minus(KEEP)).execute();
            }
        });
    }

    static String normalize(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return e.length() > 320 ? e.substring(0, 320) : e;
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

    /** PostgreSQL keeps microseconds; cutting the clock to them keeps expiry comparisons exact. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
