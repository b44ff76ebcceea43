package news.masthead.accounts;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens for programs calling the API ({@code api_tokens}): {@code mh_} followed by 32 random
 * bytes in base64url. Only the SHA-256 is stored, so a token is shown once, when it is made.
 */
final class ApiTokens {
    static final String PREFIX = "mh_";

    private final Jdbi jdbi;
    private final Clock clock;

    ApiTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    String create(String name) {
        String secret = PREFIX + Secrets.random(32);
        jdbi.useHandle(h -> h.createUpdate("insert into api_tokens (name, token_hash, created_at) values (:name, :hash, :now)")
                .bind("name", name).bind("hash", Secrets.sha256(secret)).bind("now", now()).execute());
        return secret;
    }

    /** The client a live (unrevoked) token belongs to; notes when it was last used, at most once a minute. */
    Optional<ApiClient> authenticate(String secret) {
        if (secret == null || !secret.matches(PREFIX + "[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(secret);
        Instant now = now();
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, name, last_used_at from api_tokens where token_hash = :hash and revoked_at is null""")
                .bind("hash", hash)
                .map((rs, ctx) -> {
                    OffsetDateTime used = rs.getObject("last_used_at", OffsetDateTime.class);
                    return new TokenRow(new ApiClient(rs.getLong("id"), rs.getString("name")),
                            used == null ? null : used.toInstant());
                })
                .findOne()
                .map(row -> {
                    if (row.lastUsedAt() == null || !now.isBefore(row.lastUsedAt().plus(Sessions.TOUCH_EVERY))) {
                        h.createUpdate("update api_tokens set last_used_at = :now where id = :id")
                                .bind("now", now).bind("id", row.client().id()).execute();
                    }
                    return row.client();
                }));
    }

    List<ApiClient> active() {
        return jdbi.withHandle(h -> h.createQuery("select id, name from api_tokens where revoked_at is null order by id")
                .map((rs, ctx) -> new ApiClient(rs.getLong("id"), rs.getString("name"))).list());
    }

    boolean revoke(long id) {
        return jdbi.withHandle(h -> h.createUpdate("update api_tokens set revoked_at = :now where id = :id and revoked_at is null")
                .bind("now", now()).bind("id", id).execute()) == 1;
    }

    private record TokenRow(ApiClient client, Instant lastUsedAt) {
    }

    /** PostgreSQL keeps microseconds; cutting the clock to them keeps expiry comparisons exact. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
