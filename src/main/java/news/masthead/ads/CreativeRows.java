package news.masthead.ads;

import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every query on {@code ad_creatives}, {@code ad_daily_counts} and {@code ad_settings}. Knows no rules. */
final class CreativeRows {
    private static final String COLUMNS = "id, name, photo_id, link_url, alt_text, slot, weight, starts_at, ends_at, active, house";
    private final Jdbi jdbi;

    CreativeRows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Creative> all() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from ad_creatives order by slot, name, id")
                .map((rs, c) -> creative(rs)).list());
    }

    List<Creative> active() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from ad_creatives where active order by id")
                .map((rs, c) -> creative(rs)).list());
    }

    Optional<Creative> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from ad_creatives where id = :id").bind("id", id)
                .map((rs, c) -> creative(rs)).findOne());
    }

    long insert(CreativeDraft d, long photoId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        insert into ad_creatives (name, photo_id, link_url, alt_text, slot, weight, starts_at, ends_at, active, house, created_at, updated_at)
                        values (:name, :photo, :link, :alt, :slot, :weight, :starts, :ends, :active, :house, :now, :now)""")
                .bind("name", d.name()).bind("photo", photoId).bind("link", d.linkUrl()).bind("alt", d.altText())
                .bind("slot", d.slot().label()).bind("weight", d.weight()).bind("starts", d.startsAt()).bind("ends", d.endsAt())
                .bind("active", d.active()).bind("house", d.house()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** Replaces what staff edit; the photo only when {@code photoId} is not null. False when there is no such creative. */
    boolean update(long id, CreativeDraft d, Long photoId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update ad_creatives set name = :name, photo_id = coalesce(:photo, photo_id), link_url = :link, alt_text = :alt,
                               slot = :slot, weight = :weight, starts_at = :starts, ends_at = :ends, active = :active, house = :house,
                               updated_at = :now
                        where id = :id""")
                .bind("id", id).bind("name", d.name()).bind("photo", photoId).bind("link", d.linkUrl()).bind("alt", d.altText())
                .bind("slot", d.slot().label()).bind("weight", d.weight()).bind("starts", d.startsAt()).bind("ends", d.endsAt())
                .bind("active", d.active()).bind("house", d.house()).bind("now", now).execute()) == 1;
    }

    /** Deletes a creative that was never shown; false if it has counts (deactivate it instead) or does not exist. */
    boolean deleteUnshown(long id) {
        return jdbi.withHandle(h -> h.createUpdate("""
                delete from ad_creatives where id = :id
                and not exists (select 1 from ad_daily_counts where creative_id = :id and (impressions > 0 or clicks > 0))""")
                .bind("id", id).execute()) == 1;
    }

    /** Adds counted impressions and clicks to each creative's day, in one short transaction. */
    void add(Map<Tally.Key, long[]> counts) {
        if (counts.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("""
                    insert into ad_daily_counts (creative_id, day, impressions, clicks)
                    select :id, :day, :impressions, :clicks where exists (select 1 from ad_creatives where id = :id)
                    on conflict (creative_id, day) do update
                    set impressions = ad_daily_counts.impressions + excluded.impressions, clicks = ad_daily_counts.clicks + excluded.clicks""");
            counts.forEach((key, n) -> batch.bind("id", key.creativeId()).bind("day", key.day())
                    .bind("impressions", n[0]).bind("clicks", n[1]).add());
            batch.execute();
        });
    }

    /** Each creative's totals and its last {@code days} days, newest first. */
    List<Counts> counts(LocalDate since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select creative_id, day, impressions, clicks from ad_daily_counts where day >= :since
                        order by creative_id, day desc""")
                .bind("since", since)
                .map((rs, c) -> new Counts(rs.getLong("creative_id"), rs.getObject("day", LocalDate.class),
                        rs.getLong("impressions"), rs.getLong("clicks"))).list());
    }

    AdSettings settings() {
        return jdbi.withHandle(h -> h.createQuery("select ad_light, in_article_after from ad_settings where id = 1")
                .map((rs, c) -> new AdSettings(AdSettings.AdLight.parse(rs.getString(1)), rs.getInt(2))).one());
    }

    void saveSettings(AdSettings s) {
        jdbi.useHandle(h -> h.createUpdate("update ad_settings set ad_light = :a, in_article_after = :n where id = 1")
                .bind("a", s.adLight().label()).bind("n", s.inArticleAfter()).execute());
    }

    /** One creative's impressions and clicks on one day (UTC). */
    record Counts(long creativeId, LocalDate day, long impressions, long clicks) {
    }

    private static Creative creative(ResultSet rs) throws SQLException {
        return new Creative(rs.getLong("id"), rs.getString("name"), rs.getLong("photo_id"), rs.getString("link_url"),
                rs.getString("alt_text"), Slot.parse(rs.getString("slot")).orElseThrow(), rs.getInt("weight"),
                instant(rs.getTimestamp("starts_at")), instant(rs.getTimestamp("ends_at")), rs.getBoolean("active"), rs.getBoolean("house"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
