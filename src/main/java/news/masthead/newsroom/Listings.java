package news.masthead.newsroom;

import news.masthead.platform.db.Database;
import org.jdbi.v3.core.statement.Query;

import java.time.Clock;
import java.util.List;

/** The back office's list of every article, newest change first, filtered by status and headline. */
final class Listings {
    private static final String WHERE = """
            where (cast(:status as text) is null or a.status = :status)
              and (:pattern = '' or r.headline ilike :pattern escape '\\')
            """;

    private final Database db;
    private final Clock clock;

    Listings(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<ArticleListing> page(ArticleStatus status, String search, int offset, int limit) {
        return db.jdbi().withHandle(h -> bind(h.createQuery("""
                select a.id, a.status, r.headline, s.name as section_name, r.number, a.updated_at, a.publish_at,
                       a.lock_staff_id, st.name as lock_name, a.lock_expires_at
                from articles a
                join article_revisions r on r.id = a.current_revision_id
                join sections s on s.id = r.section_id
                left join staff st on st.id = a.lock_staff_id and a.lock_expires_at > :now
                """ + WHERE + " order by a.updated_at desc, a.id desc limit :limit offset :offset"), status, search)
                .bind("now", clock.instant()).bind("limit", limit).bind("offset", offset)
                .map((rs, c) -> new ArticleListing(rs.getLong("id"), ArticleStatus.of(rs.getString("status")),
                        rs.getString("headline"), rs.getString("section_name"), rs.getInt("number"),
                        RevisionRows.instant(rs, "updated_at"), RevisionRows.instant(rs, "publish_at"),
                        rs.getString("lock_name") == null ? null : new EditLock(rs.getLong("lock_staff_id"),
                                rs.getString("lock_name"), RevisionRows.instant(rs, "lock_expires_at"))))
                .list());
    }

    int count(ArticleStatus status, String search) {
        return db.jdbi().withHandle(h -> bind(h.createQuery("""
                select count(*) from articles a join article_revisions r on r.id = a.current_revision_id
                """ + WHERE), status, search).mapTo(Integer.class).one());
    }

    private static Query bind(Query query, ArticleStatus status, String search) {
        String s = search == null ? "" : search.strip();
        String pattern = s.isEmpty() ? "" : "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return query.bind("status", status == null ? null : status.dbValue()).bind("pattern", pattern);
    }
}
