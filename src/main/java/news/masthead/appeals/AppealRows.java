package news.masthead.appeals;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every query on {@code appeals}, {@code appeal_variants}, {@code appeal_settings}, {@code appeal_choices} and {@code appeal_counts}. */
final class AppealRows {
    private AppealRows() {
    }

    static List<Appeal> all(Handle h) {
        return withVariants(h, h.createQuery("select * from appeals order by id desc").map(AppealRows::appeal).list());
    }

    /** Appeals switched on whose schedule has not ended (the rules check the start). */
    static List<Appeal> active(Handle h, Instant now) {
        return withVariants(h, h.createQuery("select * from appeals where active and (ends_at is null or ends_at > :now) order by id desc")
                .bind("now", now).map(AppealRows::appeal).list());
    }

    static Optional<Appeal> find(Handle h, long id) {
        return h.createQuery("select * from appeals where id = :id").bind("id", id).map(AppealRows::appeal).findOne()
                .map(a -> withVariants(h, List.of(a)).getFirst());
    }

    static long insert(Handle h, AppealDraft d, Instant now) {
        long id = h.createUpdate("""
                insert into appeals (name, signatories, plan_id, format, after_paragraph, sections, min_views, audience,
                                     starts_at, ends_at, active, created_at, updated_at)
                values (:name, :signatories, :plan, :format, :after, :sections, :minViews, :audience, :starts, :ends, :active, :now, :now)""")
                .bindMap(fields(d)).bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        insertVariants(h, id, d.variants());
        return id;
    }

    static boolean update(Handle h, long id, AppealDraft d, Instant now) {
        int n = h.createUpdate("""
                update appeals set name = :name, signatories = :signatories, plan_id = :plan, format = :format,
                       after_paragraph = :after, sections = :sections, min_views = :minViews, audience = :audience,
                       starts_at = :starts, ends_at = :ends, active = :active, updated_at = :now where id = :id""")
                .bindMap(fields(d)).bind("now", now).bind("id", id).execute();
        if (n == 0) {
            return false;
        }
        h.createUpdate("delete from appeal_variants where appeal_id = :id").bind("id", id).execute();
        insertVariants(h, id, d.variants());
        return true;
    }

    static boolean delete(Handle h, long id) {
        return h.createUpdate("delete from appeals where id = :id").bind("id", id).execute() > 0;
    }

    static boolean everShown(Handle h, long id) {
        return h.createQuery("select exists (select 1 from appeal_counts where appeal_id = :id)").bind("id", id)
                .mapTo(Boolean.class).one();
    }

    static FrequencyCaps caps(Handle h) {
        return h.createQuery("select pages_between, per_day, snooze_days from appeal_settings where id = 1")
                .map((rs, c) -> new FrequencyCaps(rs.getInt(1), rs.getInt(2), rs.getInt(3))).one();
    }

    static void saveCaps(Handle h, FrequencyCaps caps) {
        h.createUpdate("update appeal_settings set pages_between = :p, per_day = :d, snooze_days = :s where id = 1")
                .bind("p", caps.pagesBetween()).bind("d", caps.perDay()).bind("s", caps.snoozeDays()).execute();
    }

    /** A signed-in reader's choices: appeal id (0: every appeal) to the snooze's end, {@link Instant#MAX} for never. */
    static Map<Long, Instant> choices(Handle h, long readerId) {
        Map<Long, Instant> out = new HashMap<>();
        h.createQuery("select appeal_id, until from appeal_choices where reader_id = :r").bind("r", readerId)
                .map((rs, c) -> {
                    Timestamp until = rs.getTimestamp("until");
                    out.put(rs.getLong("appeal_id"), until == null ? Instant.MAX : until.toInstant());
                    return null;
                }).list();
        return out;
    }

    /** Records a snooze (until set) or a dismissal (until null); a dismissal is never shortened to a snooze. */
    static void choose(Handle h, long readerId, long appealId, Instant until, Instant now) {
        h.createUpdate("""
                insert into appeal_choices (reader_id, appeal_id, until, chosen_at) values (:r, :a, :until, :now)
                on conflict (reader_id, appeal_id) do update set
                  until = case when appeal_choices.until is null or excluded.until is null then null
                               else greatest(appeal_choices.until, excluded.until) end,
                  chosen_at = excluded.chosen_at""")
                .bind("r", readerId).bind("a", appealId).bind("until", until).bind("now", now).execute();
    }

    static void count(Handle h, long appealId, String variant, LocalDate day, String event) {
        h.createUpdate("""
                insert into appeal_counts (appeal_id, variant, day, event, count) values (:a, :v, :day, :e, 1)
                on conflict (appeal_id, variant, day, event) do update set count = appeal_counts.count + 1""")
                .bind("a", appealId).bind("v", variant).bind("day", day).bind("e", event).execute();
    }

    /** One appeal's counts from {@code since}: (variant, day, event, count). */
    static List<Results.Count> counts(Handle h, long appealId, LocalDate since) {
        return h.createQuery("select variant, day, event, count from appeal_counts where appeal_id = :a and day >= :since order by day")
                .bind("a", appealId).bind("since", since)
                .map((rs, c) -> new Results.Count(rs.getString("variant"), rs.getObject("day", LocalDate.class),
                        rs.getString("event"), rs.getLong("count"))).list();
    }

    private static Map<String, Object> fields(AppealDraft d) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", d.name());
        m.put("signatories", new Appeal(0, "", d.signatories(), null, d.format(), 1, List.of(), 0, d.audience(), null, null,
                false, List.of()).signatoryLines());
        m.put("plan", d.planId());
        m.put("format", d.format().key());
        m.put("after", d.afterParagraph());
        m.put("sections", String.join(",", d.sections()));
        m.put("minViews", d.minViews());
        m.put("audience", d.audience().key());
        m.put("starts", d.startsAt());
        m.put("ends", d.endsAt());
        m.put("active", d.active());
        return m;
    }

    private static void insertVariants(Handle h, long id, List<Appeal.Variant> variants) {
        for (Appeal.Variant v : variants) {
            h.createUpdate("insert into appeal_variants (appeal_id, key, weight, title, body, cta) values (:a, :k, :w, :t, :b, :c)")
                    .bind("a", id).bind("k", v.key()).bind("w", v.weight()).bind("t", v.title()).bind("b", v.body())
                    .bind("c", v.cta()).execute();
        }
    }

    private static List<Appeal> withVariants(Handle h, List<Appeal> appeals) {
        if (appeals.isEmpty()) {
            return appeals;
        }
        Map<Long, List<Appeal.Variant>> byAppeal = new HashMap<>();
        h.createQuery("select * from appeal_variants where appeal_id in (<ids>) order by key")
                .bindList("ids", appeals.stream().map(Appeal::id).toList())
                .map((rs, c) -> {
                    byAppeal.computeIfAbsent(rs.getLong("appeal_id"), k -> new ArrayList<>()).add(new Appeal.Variant(
                            rs.getString("key"), rs.getInt("weight"), rs.getString("title"), rs.getString("body"), rs.getString("cta")));
                    return null;
                }).list();
        return appeals.stream().map(a -> new Appeal(a.id(), a.name(), a.signatories(), a.planId(), a.format(), a.afterParagraph(),
                a.sections(), a.minViews(), a.audience(), a.startsAt(), a.endsAt(), a.active(),
                List.copyOf(byAppeal.getOrDefault(a.id(), List.of())))).toList();
    }

    private static Appeal appeal(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws SQLException {
        List<Appeal.Signatory> signatories = new ArrayList<>();
        for (String line : rs.getString("signatories").split("\n")) {
            if (!line.isBlank()) {
                int comma = line.indexOf(',');
                signatories.add(comma < 0 ? new Appeal.Signatory(line.strip(), "")
                        : new Appeal.Signatory(line.substring(0, comma).strip(), line.substring(comma + 1).strip()));
            }
        }
        long plan = rs.getLong("plan_id");
        Long planId = rs.wasNull() ? null : plan;
        String sections = rs.getString("sections");
        return new Appeal(rs.getLong("id"), rs.getString("name"), List.copyOf(signatories), planId,
                Appeal.Format.valueOf(rs.getString("format").toUpperCase(java.util.Locale.ROOT)), rs.getInt("after_paragraph"),
                sections.isEmpty() ? List.of() : Arrays.asList(sections.split(",")), rs.getInt("min_views"),
                Appeal.Audience.valueOf(rs.getString("audience").toUpperCase(java.util.Locale.ROOT)),
                instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getBoolean("active"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
