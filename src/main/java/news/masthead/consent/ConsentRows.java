package news.masthead.consent;

import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The consent tables: declarations, the policy and its version, the signing key and the log. */
final class ConsentRows {
    record Policy(int version, String body, Instant updatedAt) {
    }

    record LogEntry(Instant at, int policyVersion, String subject, String categories, boolean gpc, String via) {
    }

    private final Jdbi jdbi;

    ConsentRows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The signing key, made on first use; concurrent first uses on many nodes agree on one. */
    byte[] key() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return jdbi.inTransaction(h -> {
            h.createUpdate("insert into consent_key (id, key) values (1, :key) on conflict (id) do nothing")
                    .bind("key", fresh).execute();
            return h.createQuery("select key from consent_key where id = 1").mapTo(byte[].class).one();
        });
    }

    /** Every logged choice of one subject, oldest first. */
    List<LogEntry> bySubject(String subject) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select at, policy_version, subject, categories, gpc, via from consent_log
                        where subject = :s order by at, id limit 10000""")
                .bind("s", subject)
                .map((rs, ctx) -> new LogEntry(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6)))
                .list());
    }

    Policy policy() {
        return jdbi.withHandle(h -> h.createQuery("select version, body, updated_at from consent_policy where id = 1")
                .map((rs, ctx) -> new Policy(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant())).one());
    }

    void savePolicy(String body, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("update consent_policy set body = :body, version = version + 1, updated_at = :now where id = 1")
                .bind("body", body).bind("now", now).execute());
    }

    List<Declaration> declarations() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, kind, name, is_prefix, category, purpose from consent_declarations order by kind, category, name""")
                .map((rs, ctx) -> new Declaration(rs.getLong(1), Declaration.Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                        rs.getString(3), rs.getBoolean(4), Category.parse(rs.getString(5)).orElseThrow(), rs.getString(6)))
                .list());
    }

    /** Adds a declaration and bumps the policy version; false when the same name is already declared. */
    boolean declare(Declaration.Kind kind, String name, boolean prefix, Category category, String purpose, Instant now) {
        return jdbi.inTransaction(h -> {
            int added = h.createUpdate("""
                            insert into consent_declarations (kind, name, is_prefix, category, purpose, created_at)
                            values (:kind, :name, :prefix, :category, :purpose, :now) on conflict (kind, name) do nothing""")
                    .bind("kind", kind.name().toLowerCase(Locale.ROOT)).bind("name", name).bind("prefix", prefix)
                    .bind("category", category.key()).bind("purpose", purpose).bind("now", now).execute();
            if (added > 0) {
                bump(h, now);
            }
            return added > 0;
        });
    }

    void withdraw(long id, Instant now) {
        jdbi.useTransaction(h -> {
            if (h.createUpdate("delete from consent_declarations where id = :id").bind("id", id).execute() > 0) {
                bump(h, now);
            }
        });
    }

    private static void bump(org.jdbi.v3.core.Handle h, Instant now) {
        h.createUpdate("update consent_policy set version = version + 1, updated_at = :now where id = 1").bind("now", now).execute();
    }

    void log(LogEntry entry) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into consent_log (at, policy_version, subject, categories, gpc, via)
                        values (:at, :version, :subject, :categories, :gpc, :via)""")
                .bind("at", entry.at()).bind("version", entry.policyVersion()).bind("subject", entry.subject())
                .bind("categories", entry.categories()).bind("gpc", entry.gpc()).bind("via", entry.via()).execute());
    }

    /** Streams the log oldest first, so an export of any size holds one row at a time. */
    void eachLogEntry(Consumer<LogEntry> sink) {
        jdbi.useTransaction(h -> {
            try (var rows = h.createQuery("select at, policy_version, subject, categories, gpc, via from consent_log order by id")
                    .setFetchSize(500)
                    .map((rs, ctx) -> new LogEntry(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), rs.getString(6))).stream()) {
                rows.forEach(sink);
            }
        });
    }
}
