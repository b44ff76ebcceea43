package news.masthead.membership;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The plans table. */
final class PlanRows {
    private static final String COLUMNS = "id, name, price_minor, currency, billing, trial_days, benefits, entitlements, archived_at";
    private final Jdbi jdbi;

    PlanRows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Plan> all() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from plans order by archived_at nulls first, price_minor, id")
                .map((rs, c) -> plan(rs)).list());
    }

    Optional<Plan> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Plan> find(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from plans where id = :id").bind("id", id)
                .map((rs, c) -> plan(rs)).findOne();
    }

    long insert(PlanDraft d, Instant now) {
        return jdbi.withHandle(h -> insert(h, d, now));
    }

    static long insert(Handle h, PlanDraft d, Instant now) {
        return h.createUpdate("""
                insert into plans (name, price_minor, currency, billing, trial_days, benefits, entitlements, created_at)
                values (:name, :price, :currency, :billing, :trial, :benefits, :entitlements, :now)""")
                .bind("name", d.name()).bind("price", d.priceMinor()).bind("currency", d.currency())
                .bind("billing", d.billing().label()).bind("trial", d.trialDays())
                .bind("benefits", String.join("\n", d.benefits())).bind("entitlements", String.join("\n", d.entitlements()))
                .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    boolean archive(long id, boolean archived, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("update plans set archived_at = :at where id = :id")
                .bind("at", archived ? now : null).bind("id", id).execute() == 1);
    }

    /** Deletes a plan nobody ever subscribed to; false if it has (or had) subscribers. */
    boolean deleteUnused(long id) {
        return jdbi.inTransaction(h -> {
            long subscribers = h.createQuery("select count(*) from subscriptions where plan_id = :id").bind("id", id)
                    .mapTo(Long.class).one();
            return subscribers == 0 && h.createUpdate("delete from plans where id = :id").bind("id", id).execute() == 1;
        });
    }

    boolean nameTaken(Handle h, String name) {
        return h.createQuery("select count(*) from plans where lower(name) = lower(:n)").bind("n", name)
                .mapTo(Long.class).one() > 0;
    }

    static Plan plan(ResultSet rs) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getString("name"), rs.getLong("price_minor"), rs.getString("currency"),
                Plan.Billing.valueOf(rs.getString("billing").toUpperCase(java.util.Locale.ROOT)), rs.getInt("trial_days"),
                lines(rs.getString("benefits")), lines(rs.getString("entitlements")),
                Optional.ofNullable(rs.getTimestamp("archived_at")).map(java.sql.Timestamp::toInstant).orElse(null));
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }
}
