package news.masthead.magazine;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code magazine_issues} and {@code magazine_entries}. */
final class IssueRows {
    private static final String COLUMNS = """
            select id, number, slug, title, month, cover_photo_id, letter_markdown, letter_html, status, published_at
            from magazine_issues""";

    private IssueRows() {
    }

    static long insert(Handle h, IssueDraft d, String letterHtml, Instant now) {
        return bound(h.createUpdate("""
                        insert into magazine_issues (number, slug, title, month, cover_photo_id, letter_markdown, letter_html,
                                                     created_at, updated_at)
                        values (:number, :slug, :title, :month, :cover, :markdown, :html, :now, :now)"""), d, letterHtml, now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void update(Handle h, long id, IssueDraft d, String letterHtml, Instant now) {
        bound(h.createUpdate("""
                        update magazine_issues set number = :number, slug = :slug, title = :title, month = :month,
                               cover_photo_id = :cover, letter_markdown = :markdown, letter_html = :html, updated_at = :now
                        where id = :id"""), d, letterHtml, now).bind("id", id).execute();
    }

    /** Binds the draft's fields by the names the statements above use. */
    private static org.jdbi.v3.core.statement.Update bound(org.jdbi.v3.core.statement.Update u, IssueDraft d, String html, Instant now) {
        return u.bind("number", d.number()).bind("slug", d.slug()).bind("title", d.title()).bind("month", d.month().atDay(1))
                .bind("cover", d.coverPhotoId()).bind("markdown", d.letterMarkdown()).bind("html", html).bind("now", Timestamp.from(now));
    }

    static void publish(Handle h, long id, boolean published, Instant now) {
        h.createUpdate("""
                        update magazine_issues set status = :status, updated_at = :now,
                               published_at = case when :published then coalesce(published_at, :now) else published_at end
                        where id = :id""")
                .bind("status", published ? "published" : "draft").bind("published", published)
                .bind("now", Timestamp.from(now)).bind("id", id).execute();
    }

    static Optional<Issue> find(Handle h, long id) {
        return h.createQuery(COLUMNS + " where id = :id").bind("id", id).map((rs, c) -> issue(rs)).findOne();
    }

    static Optional<Issue> bySlug(Handle h, String slug) {
        return h.createQuery(COLUMNS + " where slug = :slug").bind("slug", slug).map((rs, c) -> issue(rs)).findOne();
    }

    static Optional<Long> idByNumber(Handle h, int number) {
        return h.createQuery("select id from magazine_issues where number = :n").bind("n", number).mapTo(Long.class).findOne();
    }

    static Optional<Long> idBySlug(Handle h, String slug) {
        return h.createQuery("select id from magazine_issues where slug = :s").bind("s", slug).mapTo(Long.class).findOne();
    }

    /** Newest month first (then highest number). */
    static List<Issue> all(Handle h, boolean publishedOnly) {
        return h.createQuery(COLUMNS + (publishedOnly ? " where status = 'published'" : "") + " order by month desc, number desc")
                .map((rs, c) -> issue(rs)).list();
    }

    static List<Entry> entries(Handle h, long issueId) {
        return h.createQuery("select article_id, department from magazine_entries where issue_id = :id order by position")
                .bind("id", issueId).map((rs, c) -> new Entry(rs.getLong("article_id"), rs.getString("department"))).list();
    }

    static void replaceEntries(Handle h, long issueId, List<Entry> entries) {
        h.createUpdate("delete from magazine_entries where issue_id = :id").bind("id", issueId).execute();
        var batch = h.prepareBatch("insert into magazine_entries (issue_id, article_id, position, department) values (:issue, :article, :position, :department)");
        for (int i = 0; i < entries.size(); i++) {
            batch.bind("issue", issueId).bind("article", entries.get(i).articleId()).bind("position", i)
                    .bind("department", entries.get(i).department()).add();
        }
        if (!entries.isEmpty()) {
            batch.execute();
        }
    }

    /** The issues holding an article; {@code publishedOnly} for what readers may know. */
    static List<Issue> holding(Handle h, long articleId, boolean publishedOnly) {
        return h.createQuery(COLUMNS + " where id in (select issue_id from magazine_entries where article_id = :a)"
                        + (publishedOnly ? " and status = 'published'" : "") + " order by month desc, number desc")
                .bind("a", articleId).map((rs, c) -> issue(rs)).list();
    }

    private static Issue issue(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Issue(rs.getLong("id"), rs.getInt("number"), rs.getString("slug"), rs.getString("title"),
                YearMonth.from(rs.getDate("month").toLocalDate()), (Long) rs.getObject("cover_photo_id"),
                rs.getString("letter_markdown"), rs.getString("letter_html"), rs.getString("status").equals("published"),
                published == null ? null : published.toInstant());
    }
}
