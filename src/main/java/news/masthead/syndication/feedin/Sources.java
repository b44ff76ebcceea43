package news.masthead.syndication.feedin;

import news.masthead.platform.db.Database;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code feed_sources}: settings, the poll lease, and health after each poll. */
final class Sources {
    private static final String COLUMNS = """
            id, url, title, section_slug, attribution, licence, land_as, fetch_full_page, internal, etag, last_modified,
            next_poll_at, consecutive_failures, last_error, last_error_at, last_success_at""";

    private final Database db;

    Sources(Database db) {
        this.db = db;
    }

    long insert(SourceSettings s, Instant now) {
        return db.jdbi().withHandle(h -> bind(h.createQuery("""
                        insert into feed_sources (url, title, section_slug, attribution, licence, land_as, fetch_full_page, internal,
                                                  next_poll_at, created_at, updated_at)
                        values (:url, :title, :section, :attribution, :licence, :landAs, :full, :internal, :now, :now, :now)
                        returning id"""), s)
                .bind("now", now).mapTo(Long.class).one());
    }

    /** Changes the settings; a changed address forgets the old one's caching headers and is polled at once. */
    void update(long id, SourceSettings s, Instant now) {
        db.jdbi().useHandle(h -> bind(h.createUpdate("""
                        update feed_sources set
                            etag = case when url = :url then etag end, last_modified = case when url = :url then last_modified end,
                            next_poll_at = case when url = :url then next_poll_at else :now end,
                            url = :url, title = :title, section_slug = :section, attribution = :attribution, licence = :licence,
                            land_as = :landAs, fetch_full_page = :full, internal = :internal, updated_at = :now
                        where id = :id"""), s)
                .bind("now", now).bind("id", id).execute());
    }

    Optional<FeedSource> find(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("select " + COLUMNS + " from feed_sources where id = :id")
                .bind("id", id).map((rs, c) -> row(rs)).findOne());
    }

    Optional<Long> idByUrl(String url) {
        return db.jdbi().withHandle(h -> h.createQuery("select id from feed_sources where url = :url")
                .bind("url", url).mapTo(Long.class).findOne());
    }

    List<FeedSource> all() {
        return db.jdbi().withHandle(h -> h.createQuery("select " + COLUMNS + " from feed_sources order by lower(title), id")
                .map((rs, c) -> row(rs)).list());
    }

    /** Sources whose time has come and that nobody is polling, soonest first. */
    List<Long> due(Instant now, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        select id from feed_sources where next_poll_at <= :now and (polling_until is null or polling_until < :now)
                        order by next_poll_at limit :limit""")
                .bind("now", now).bind("limit", limit).mapTo(Long.class).list());
    }

    /** Takes the source for one poll until {@code now + hold}; empty when someone else holds it. */
    Optional<FeedSource> claim(long id, Instant now, Duration hold) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        update feed_sources set polling_until = :until
                        where id = :id and (polling_until is null or polling_until < :now)
                        returning""" + " " + COLUMNS)
                .bind("id", id).bind("now", now).bind("until", now.plus(hold)).map((rs, c) -> row(rs)).findOne());
    }

    void succeeded(long id, String etag, String lastModified, Instant now, Instant next) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        update feed_sources set etag = :etag, last_modified = :lastModified, last_success_at = :now,
                            consecutive_failures = 0, next_poll_at = :next, polling_until = null where id = :id""")
                .bind("etag", etag).bind("lastModified", lastModified).bind("now", now).bind("next", next).bind("id", id).execute());
    }

    void failed(long id, String error, Instant now, Instant next) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        update feed_sources set consecutive_failures = consecutive_failures + 1, last_error = :error,
                            last_error_at = :now, next_poll_at = :next, polling_until = null where id = :id""")
                .bind("error", error).bind("now", now).bind("next", next).bind("id", id).execute());
    }

    private static FeedSource row(ResultSet rs) throws SQLException {
        return new FeedSource(rs.getLong("id"), rs.getString("url"), rs.getString("title"), rs.getString("section_slug"),
                rs.getString("attribution"), rs.getString("licence"), "published".equals(rs.getString("land_as")),
                rs.getBoolean("fetch_full_page"), rs.getBoolean("internal"), rs.getString("etag"), rs.getString("last_modified"),
                instant(rs, "next_poll_at"), rs.getInt("consecutive_failures"), rs.getString("last_error"),
                instant(rs, "last_error_at"), instant(rs, "last_success_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The settings as named SQL parameters. */
    private static <T extends SqlStatement<T>> T bind(T statement, SourceSettings s) {
        return statement.bind("url", s.url()).bind("title", s.title()).bind("section", s.sectionSlug())
                .bind("attribution", s.attribution()).bind("licence", s.licence()).bind("landAs", s.publish() ? "published" : "draft")
                .bind("full", s.fetchFullPage()).bind("internal", s.internal());
    }
}
