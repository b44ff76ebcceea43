package news.masthead.partners;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code partner_articles}. */
final class PartnerArticleRows {
    private static final String COLUMNS = """
            select partner_id, guid, article_id, url, byline, came_by, storing_since, removed_at, removed_reason, last_seen_at, checked_at
            from partner_articles""";

    private PartnerArticleRows() {
    }

    static Optional<PartnerArticle> find(Handle h, long partnerId, String guid) {
        return h.createQuery(COLUMNS + " where partner_id = :p and guid = :g").bind("p", partnerId).bind("g", guid)
                .map((rs, c) -> row(rs)).findOne();
    }

    static Optional<PartnerArticle> byArticle(Handle h, long articleId) {
        return h.createQuery(COLUMNS + " where article_id = :a").bind("a", articleId).map((rs, c) -> row(rs)).findOne();
    }

    /** Marks the item as being stored; false when another store holds it (a row already there). */
    static boolean mark(Handle h, long partnerId, String guid, String url, String byline, String cameBy, Instant now) {
        return h.createUpdate("""
                        insert into partner_articles (partner_id, guid, url, byline, came_by, storing_since, first_seen_at, last_seen_at)
                        values (:p, :g, :url, :byline, :by, :now, :now, :now) on conflict do nothing""")
                .bind("p", partnerId).bind("g", guid).bind("url", url).bind("byline", byline).bind("by", cameBy)
                .bind("now", Timestamp.from(now)).execute() == 1;
    }

    static void stored(Handle h, long partnerId, String guid, long articleId, String url, String byline, Instant now) {
        h.createUpdate("""
                        update partner_articles set article_id = :a, url = :url, byline = :byline, storing_since = null,
                               removed_at = null, removed_reason = null, last_seen_at = :now
                        where partner_id = :p and guid = :g""")
                .bind("a", articleId).bind("url", url).bind("byline", byline).bind("now", Timestamp.from(now))
                .bind("p", partnerId).bind("g", guid).execute();
    }

    static void removed(Handle h, long partnerId, String guid, String reason, Instant now) {
        h.createUpdate("update partner_articles set removed_at = :now, removed_reason = :r, checked_at = :now where partner_id = :p and guid = :g")
                .bind("now", Timestamp.from(now)).bind("r", reason).bind("p", partnerId).bind("g", guid).execute();
    }

    static void checked(Handle h, long partnerId, String guid, Instant now) {
        h.createUpdate("update partner_articles set checked_at = :now where partner_id = :p and guid = :g")
                .bind("now", Timestamp.from(now)).bind("p", partnerId).bind("g", guid).execute();
    }

    /** Live items not in the feed's window now, least recently checked first: candidates for a 404/410 check. */
    static List<PartnerArticle> toCheck(Handle h, long partnerId, List<String> inWindow, Instant checkedBefore, int limit) {
        return h.createQuery(COLUMNS + " " + """
                         where partner_id = :p and article_id is not null and removed_at is null
                           and not (guid = any(:window)) and (checked_at is null or checked_at < :before)
                         order by checked_at nulls first limit :limit""")
                .bind("p", partnerId).bindArray("window", String.class, inWindow).bind("before", Timestamp.from(checkedBefore))
                .bind("limit", limit).map((rs, c) -> row(rs)).list();
    }

    static List<PartnerArticle> recent(Handle h, long partnerId, int limit) {
        return h.createQuery(COLUMNS + " where partner_id = :p order by last_seen_at desc limit :limit")
                .bind("p", partnerId).bind("limit", limit).map((rs, c) -> row(rs)).list();
    }

    static List<Long> articleIds(Handle h, long partnerId) {
        return h.createQuery("select article_id from partner_articles where partner_id = :p and article_id is not null")
                .bind("p", partnerId).mapTo(Long.class).list();
    }

    private static PartnerArticle row(ResultSet rs) throws SQLException {
        return new PartnerArticle(rs.getLong("partner_id"), rs.getString("guid"), (Long) rs.getObject("article_id"),
                rs.getString("url"), rs.getString("byline"), rs.getString("came_by"), PartnerRows.instant(rs, "storing_since"),
                PartnerRows.instant(rs, "removed_at"), rs.getString("removed_reason"), PartnerRows.instant(rs, "last_seen_at"),
                PartnerRows.instant(rs, "checked_at"));
    }
}
