package news.masthead.newsroom;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Rows of {@code article_revisions}: insert and read, never update. */
final class RevisionRows {
    private static final String COLUMNS = """
            r.id, r.article_id, r.number, r.headline, r.seo_headline, r.standfirst, r.body_markdown, r.body_html,
            r.lead_photo_id, r.section_id, r.slug, r.author_ids, r.tag_ids, r.canonical_url, r.source_name,
            r.source_url, r.created_by, st.name as created_by_name, r.created_at
            """;
    private static final String FROM = " from article_revisions r left join staff st on st.id = r.created_by ";

    static final RowMapper<Revision> MAPPER = (rs, ctx) -> new Revision(rs.getLong("id"), rs.getLong("article_id"),
            rs.getInt("number"), rs.getString("headline"), rs.getString("seo_headline"), rs.getString("standfirst"),
            rs.getString("body_markdown"), rs.getString("body_html"), nullableLong(rs, "lead_photo_id"),
            rs.getLong("section_id"), rs.getString("slug"), longs(rs.getArray("author_ids")),
            longs(rs.getArray("tag_ids")), rs.getString("canonical_url"), rs.getString("source_name"),
            rs.getString("source_url"), nullableLong(rs, "created_by"), rs.getString("created_by_name"),
            instant(rs, "created_at"));

    private RevisionRows() {
    }

    /** Inserts revision {@code number} of an article and returns its id. */
    static long insert(Handle h, long articleId, int number, ResolvedDraft d, Long staffId) {
        return h.createUpdate("""
                        insert into article_revisions (article_id, number, headline, seo_headline, standfirst, body_markdown,
                            body_html, lead_photo_id, section_id, slug, author_ids, tag_ids, canonical_url, source_name,
                            source_url, created_by)
                        values (:article, :number, :headline, :seo, :standfirst, :markdown, :html, :photo, :section, :slug,
                            :authors, :tags, :canonical, :sourceName, :sourceUrl, :staff)""")
                .bind("article", articleId).bind("number", number).bind("headline", d.headline())
                .bind("seo", d.seoHeadline()).bind("standfirst", d.standfirst()).bind("markdown", d.bodyMarkdown())
                .bind("html", d.bodyHtml()).bind("photo", d.leadPhotoId()).bind("section", d.sectionId())
                .bind("slug", d.slug()).bindArray("authors", Long.class, d.authorIds())
                .bindArray("tags", Long.class, d.tagIds()).bind("canonical", d.canonicalUrl())
                .bind("sourceName", d.sourceName()).bind("sourceUrl", d.sourceUrl()).bind("staff", staffId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static Optional<Revision> byId(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + FROM + "where r.id = :id").bind("id", id).map(MAPPER).findOne();
    }

    static Optional<Revision> byNumber(Handle h, long articleId, int number) {
        return h.createQuery("select " + COLUMNS + FROM + "where r.article_id = :a and r.number = :n")
                .bind("a", articleId).bind("n", number).map(MAPPER).findOne();
    }

    static List<Revision> all(Handle h, long articleId) {
        return h.createQuery("select " + COLUMNS + FROM + "where r.article_id = :a order by r.number desc")
                .bind("a", articleId).map(MAPPER).list();
    }

    static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
