package news.masthead.partners;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code partners}: the partners and their feed's health. */
final class PartnerRows {
    private static final String COLUMNS = """
            select id, slug, name, site_url, logo_photo_id, licence, section_slug, feed_url, feed_internal, last_success_at,
                   last_error, last_error_at, consecutive_failures, next_poll_at, last_report, etag, last_modified
            from partners""";

    private PartnerRows() {
    }

    static long insert(Handle h, PartnerDraft d, Instant now) {
        return h.createUpdate("""
                        insert into partners (slug, name, site_url, logo_photo_id, licence, section_slug, feed_url, feed_internal,
                                              next_poll_at, created_at, updated_at)
                        values (:slug, :name, :siteUrl, :logoPhotoId, :licence, :sectionSlug, nullif(:feedUrl, ''), :feedInternal,
                                :now, :now, :now)""")
                .bindMethods(d).bind("now", Timestamp.from(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Updates the settings; a changed feed address starts its health afresh and is due at once. */
    static void update(Handle h, long id, PartnerDraft d, Instant now) {
        h.createUpdate("""
                        update partners set
                            etag = case when feed_url is distinct from nullif(:feedUrl, '') then null else etag end,
                            last_modified = case when feed_url is distinct from nullif(:feedUrl, '') then null else last_modified end,
                            consecutive_failures = case when feed_url is distinct from nullif(:feedUrl, '') then 0 else consecutive_failures end,
                            next_poll_at = case when feed_url is distinct from nullif(:feedUrl, '') then :now else next_poll_at end,
                            slug = :slug, name = :name, site_url = :siteUrl, logo_photo_id = :logoPhotoId, licence = :licence,
                            section_slug = :sectionSlug, feed_url = nullif(:feedUrl, ''), feed_internal = :feedInternal, updated_at = :now
                        where id = :id""")
                .bindMethods(d).bind("now", Timestamp.from(now)).bind("id", id).execute();
    }

    static Optional<Partner> find(Handle h, long id) {
        return h.createQuery(COLUMNS + " where id = :id").bind("id", id).map((rs, c) -> partner(rs)).findOne();
    }

    static Optional<Partner> bySlug(Handle h, String slug) {
        return h.createQuery(COLUMNS + " where slug = :slug").bind("slug", slug).map((rs, c) -> partner(rs)).findOne();
    }

    static List<Partner> all(Handle h) {
        return h.createQuery(COLUMNS + " order by name").map((rs, c) -> partner(rs)).list();
    }

    /** Partners with a feed whose poll is due, oldest first. */
    static List<Long> due(Handle h, Instant now, int limit) {
        return h.createQuery("""
                        select id from partners where feed_url is not null and next_poll_at <= :now
                          and (polling_until is null or polling_until < :now) order by next_poll_at limit :limit""")
                .bind("now", Timestamp.from(now)).bind("limit", limit).mapTo(Long.class).list();
    }

    /** Takes the partner's poll lease, so two nodes (or "Poll now" and the job) never poll it at once. */
    static Optional<Conditional> claim(Handle h, long id, Instant now, Duration lease) {
        return h.createQuery("""
                        update partners set polling_until = :until
                        where id = :id and feed_url is not null and (polling_until is null or polling_until < :now)
                        returning etag, last_modified""")
                .bind("until", Timestamp.from(now.plus(lease))).bind("now", Timestamp.from(now)).bind("id", id)
                .map((rs, c) -> new Conditional(rs.getString("etag"), rs.getString("last_modified"))).findOne();
    }

    /** The conditional GET headers kept from the last successful read. */
    record Conditional(String etag, String lastModified) {
    }

    static void succeeded(Handle h, long id, String etag, String lastModified, String report, Instant now, Instant next) {
        h.createUpdate("""
                        update partners set polling_until = null, etag = :etag, last_modified = :lm, last_report = :report,
                               last_success_at = :now, consecutive_failures = 0, next_poll_at = :next where id = :id""")
                .bind("etag", etag).bind("lm", lastModified).bind("report", report).bind("now", Timestamp.from(now))
                .bind("next", Timestamp.from(next)).bind("id", id).execute();
    }

    static int failed(Handle h, long id, String error, Instant now, Duration firstRetry, Duration maxBackoff) {
        int failures = h.createQuery("""
                        update partners set consecutive_failures = consecutive_failures + 1 where id = :id returning consecutive_failures""")
                .bind("id", id).mapTo(Integer.class).one();
        long minutes = Math.min(maxBackoff.toMinutes(), firstRetry.toMinutes() << Math.min(failures - 1, 20));
        h.createUpdate("""
                        update partners set polling_until = null, last_error = :error, last_error_at = :now, last_report = :error,
                               next_poll_at = :next where id = :id""")
                .bind("error", error.length() > 1000 ? error.substring(0, 1000) + "…" : error).bind("now", Timestamp.from(now))
                .bind("next", Timestamp.from(now.plus(Duration.ofMinutes(minutes)))).bind("id", id).execute();
        return failures;
    }

    private static Partner partner(ResultSet rs) throws SQLException {
        return new Partner(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("site_url"),
                (Long) rs.getObject("logo_photo_id"), rs.getString("licence"), rs.getString("section_slug"),
                rs.getString("feed_url"), rs.getBoolean("feed_internal"), instant(rs, "last_success_at"),
                rs.getString("last_error"), instant(rs, "last_error_at"), rs.getInt("consecutive_failures"),
                instant(rs, "next_poll_at"), rs.getString("last_report"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
