package news.masthead.membership;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The subscriptions table and its audit trail. Every write goes through {@link #record} so each
 * change of a subscription has its audit row in the same transaction.
 */
final class SubscriptionRows {
    private static final String COLUMNS = "id, reader_id, plan_id, provider, provider_ref, status, period_end, grace_until";

    private SubscriptionRows() {
    }

    /** The end of one billing period (or trial) starting at {@code start}. */
    static Instant periodEnd(Plan plan, Instant start, boolean trial) {
        var utc = start.atOffset(ZoneOffset.UTC);
        if (trial) {
            return utc.plusDays(plan.trialDays()).toInstant();
        }
        return (plan.billing() == Plan.Billing.YEAR ? utc.plusYears(1) : utc.plusMonths(1)).toInstant();
    }

    static Subscription create(Handle h, long readerId, Plan plan, String provider, String ref, Status status,
                               Instant periodEnd, Instant now, String actor, String reason) {
        long id = h.createUpdate("""
                insert into subscriptions (reader_id, plan_id, provider, provider_ref, status, period_end, created_at, updated_at)
                values (:reader, :plan, :provider, :ref, :status, :end, :now, :now)""")
                .bind("reader", readerId).bind("plan", plan.id()).bind("provider", provider).bind("ref", ref)
                .bind("status", status.label()).bind("end", periodEnd).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        audit(h, id, null, status, reason, actor, now);
        return new Subscription(id, readerId, plan.id(), provider, ref, status, periodEnd, null);
    }

    /** Stores the subscription after an event, with its audit row; nothing if nothing changed. */
    static Subscription record(Handle h, Subscription before, Subscription after, String reason, String actor, Instant now) {
        if (before.equals(after)) {
            return after;
        }
        h.createUpdate("update subscriptions set status = :status, period_end = :end, grace_until = :grace, updated_at = :now where id = :id")
                .bind("status", after.status().label()).bind("end", after.periodEnd()).bind("grace", after.graceUntil())
                .bind("now", now).bind("id", after.id()).execute();
        audit(h, after.id(), before.status(), after.status(), reason, actor, now);
        return after;
    }

    private static void audit(Handle h, long id, Status from, Status to, String reason, String actor, Instant now) {
        h.createUpdate("insert into subscription_audit (subscription_id, from_status, to_status, reason, actor, at) values (:id, :from, :to, :reason, :actor, :at)")
                .bind("id", id).bind("from", from == null ? null : from.label()).bind("to", to.label())
                .bind("reason", reason).bind("actor", actor).bind("at", now).execute();
    }

    static Optional<Subscription> lock(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from subscriptions where id = :id for update").bind("id", id)
                .map((rs, c) -> subscription(rs)).findOne();
    }

    static Optional<Subscription> find(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from subscriptions where id = :id").bind("id", id)
                .map((rs, c) -> subscription(rs)).findOne();
    }

    static Optional<Subscription> lockByRef(Handle h, String provider, String ref) {
        return h.createQuery("select " + COLUMNS + " from subscriptions where provider = :p and provider_ref = :r for update")
                .bind("p", provider).bind("r", ref).map((rs, c) -> subscription(rs)).findOne();
    }

    static List<Subscription> ofReader(Handle h, long readerId) {
        return h.createQuery("select " + COLUMNS + " from subscriptions where reader_id = :r order by created_at desc, id desc")
                .bind("r", readerId).map((rs, c) -> subscription(rs)).list();
    }

    /** Ids of subscriptions time may have moved on (not yet expired). */
    static List<Long> unexpired(Handle h) {
        return h.createQuery("select id from subscriptions where status <> 'expired' order by id").mapTo(Long.class).list();
    }

    static Subscription subscription(ResultSet rs) throws SQLException {
        Timestamp grace = rs.getTimestamp("grace_until");
        return new Subscription(rs.getLong("id"), rs.getLong("reader_id"), rs.getLong("plan_id"), rs.getString("provider"),
                rs.getString("provider_ref"), Status.parse(rs.getString("status")), rs.getTimestamp("period_end").toInstant(),
                grace == null ? null : grace.toInstant());
    }
}
