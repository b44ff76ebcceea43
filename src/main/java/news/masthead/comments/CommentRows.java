package news.masthead.comments;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The comments tables, in plain SQL. */
final class CommentRows {
    private static final String SELECT = """
            select c.id, c.article_id, c.parent_id, c.reader_id, c.author_name, c.by_staff, c.body_text, c.body_html,
                   c.status, c.held_because, c.created_at, c.edited_at, c.deleted_at,
                   (select count(*) from comment_reports r where r.comment_id = c.id) as reports
            from comments c
            """;

    private static Comment map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long parentId = rs.getLong("parent_id");
        Long parent = rs.wasNull() ? null : parentId;
        return new Comment(rs.getLong("id"), rs.getLong("article_id"), parent,
                rs.getLong("reader_id"), rs.getString("author_name"), rs.getBoolean("by_staff"),
                rs.getString("body_text"), rs.getString("body_html"), rs.getString("status"),
                rs.getString("held_because"), instant(rs, "created_at"), instant(rs, "edited_at"),
                instant(rs, "deleted_at"), rs.getInt("reports"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    Optional<Comment> find(Handle h, long id) {
        return h.createQuery(SELECT + " where c.id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    /** Every comment of the article but the rejected, oldest first. */
    List<Comment> onArticle(Handle h, long articleId) {
        return h.createQuery(SELECT + " where c.article_id = :a and c.status <> 'rejected' order by c.created_at, c.id")
                .bind("a", articleId).map((rs, ctx) -> map(rs)).list();
    }

    /** Held comments and shown ones someone reported, oldest first. */
    List<Comment> queue(Handle h, int limit) {
        return h.createQuery(SELECT + """
                 where c.deleted_at is null and (c.status = 'held'
                    or (c.status = 'shown' and exists (select 1 from comment_reports r where r.comment_id = c.id)))
                 order by c.created_at, c.id limit :limit""")
                .bind("limit", limit).map((rs, ctx) -> map(rs)).list();
    }

    long insert(Handle h, long articleId, Long parentId, long readerId, String authorName, boolean byStaff,
                String text, String html, String status, String heldBecause, String notifyEmail, Instant now) {
        return h.createUpdate("""
                insert into comments (article_id, parent_id, reader_id, author_name, by_staff, body_text, body_html,
                                      status, held_because, notify_email, created_at)
                values (:a, :p, :r, :n, :s, :t, :h, :st, :hb, :ne, :now)""")
                .bind("a", articleId).bind("p", parentId).bind("r", readerId).bind("n", authorName).bind("s", byStaff)
                .bind("t", text).bind("h", html).bind("st", status).bind("hb", heldBecause).bind("ne", notifyEmail)
                .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Long> importedId(Handle h, long articleId, String source, String externalId) {
        return h.createQuery("""
                select id from comments where article_id = :a and imported_from = :s and external_id = :e""")
                .bind("a", articleId).bind("s", source).bind("e", externalId).mapTo(Long.class).findOne();
    }

    long insertImported(Handle h, long articleId, Long parentId, String authorName, String text, String html, String status,
                        String heldBecause, String source, String externalId, Instant writtenAt) {
        return h.createUpdate("""
                insert into comments (article_id, parent_id, reader_id, author_name, by_staff, body_text, body_html,
                                      status, held_because, created_at, imported_from, external_id)
                values (:a, :p, null, :n, false, :t, :h, :st, :hb, :at, :s, :e)""")
                .bind("a", articleId).bind("p", parentId).bind("n", authorName).bind("t", text).bind("h", html)
                .bind("st", status).bind("hb", heldBecause).bind("at", writtenAt).bind("s", source).bind("e", externalId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    boolean closeUnlessDecided(Handle h, long articleId, String by, Instant now) {
        return h.createUpdate("""
                insert into comment_closings (article_id, closed, staff_name, changed_at) values (:a, true, :s, :now)
                on conflict (article_id) do nothing""")
                .bind("a", articleId).bind("s", by).bind("now", now).execute() == 1;
    }

    void edit(Handle h, long id, String text, String html, String status, String heldBecause, Instant now) {
        h.createUpdate("""
                update comments set body_text = :t, body_html = :h, edited_at = :now,
                       status = case when status = 'shown' and :st = 'held' then 'held' else status end,
                       held_because = coalesce(:hb, held_because)
                where id = :id""")
                .bind("t", text).bind("h", html).bind("now", now).bind("st", status).bind("hb", heldBecause)
                .bind("id", id).execute();
    }

    void delete(Handle h, long id, Instant now) {
        h.createUpdate("update comments set deleted_at = :now, body_text = '', body_html = '', notify_email = null where id = :id")
                .bind("now", now).bind("id", id).execute();
    }

    void setStatus(Handle h, long id, String status) {
        h.createUpdate("update comments set status = :s where id = :id").bind("s", status).bind("id", id).execute();
    }

    void clearReports(Handle h, long id) {
        h.createUpdate("delete from comment_reports where comment_id = :id").bind("id", id).execute();
    }

    boolean report(Handle h, long commentId, long readerId, String reason, Instant now) {
        return h.createUpdate("""
                insert into comment_reports (comment_id, reader_id, reason, created_at) values (:c, :r, :why, :now)
                on conflict do nothing""")
                .bind("c", commentId).bind("r", readerId).bind("why", reason).bind("now", now).execute() == 1;
    }

    int shownBy(Handle h, long readerId) {
        return h.createQuery("select count(*) from comments where reader_id = :r and status = 'shown'")
                .bind("r", readerId).mapTo(Integer.class).one();
    }

    int postedSince(Handle h, long readerId, Instant since) {
        return h.createQuery("select count(*) from comments where reader_id = :r and created_at > :since")
                .bind("r", readerId).bind("since", since).mapTo(Integer.class).one();
    }

    Optional<String> notifyEmail(Handle h, long commentId) {
        return h.createQuery("select notify_email from comments where id = :id and deleted_at is null and notify_email is not null")
                .bind("id", commentId).mapTo(String.class).findOne();
    }

    boolean banned(Handle h, long readerId) {
        return h.createQuery("select count(*) from comment_bans where reader_id = :r").bind("r", readerId)
                .mapTo(Integer.class).one() > 0;
    }

    void ban(Handle h, long readerId, String staffName, Instant now) {
        h.createUpdate("insert into comment_bans (reader_id, staff_name, banned_at) values (:r, :s, :now) on conflict do nothing")
                .bind("r", readerId).bind("s", staffName).bind("now", now).execute();
        h.createUpdate("update comments set status = 'rejected' where reader_id = :r and status = 'held'")
                .bind("r", readerId).execute();
    }

    Map<Long, Integer> counts(Handle h, Collection<Long> articleIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (articleIds.isEmpty()) {
            return counts;
        }
        h.createQuery("""
                select article_id, count(*) as n from comments
                where article_id = any(:ids) and status = 'shown' and deleted_at is null group by article_id""")
                .bind("ids", articleIds.toArray(Long[]::new))
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    List<String> heldWords(Handle h) {
        return h.createQuery("select word from comment_held_words order by word").mapTo(String.class).list();
    }

    void addHeldWord(Handle h, String word) {
        h.createUpdate("insert into comment_held_words (word) values (:w) on conflict do nothing").bind("w", word).execute();
    }

    void removeHeldWord(Handle h, String word) {
        h.createUpdate("delete from comment_held_words where word = :w").bind("w", word).execute();
    }

    /** The settings row of a scope: policy and days until closing, each possibly null (inherit). */
    record Setting(Policy policy, Integer closeAfterDays) {
    }

    Optional<Setting> setting(Handle h, String scope, long scopeId) {
        return h.createQuery("select policy, close_after_days from comment_settings where scope = :s and scope_id = :id")
                .bind("s", scope).bind("id", scopeId)
                .map((rs, ctx) -> {
                    int days = rs.getInt("close_after_days");
                    Integer closeAfter = rs.wasNull() ? null : days;
                    return new Setting(Policy.parse(rs.getString("policy")).orElse(null), closeAfter);
                }).findOne();
    }

    void setPolicy(Handle h, String scope, long scopeId, Policy policy) {
        h.createUpdate("""
                insert into comment_settings (scope, scope_id, policy) values (:s, :id, :p)
                on conflict (scope, scope_id) do update set policy = excluded.policy""")
                .bind("s", scope).bind("id", scopeId).bind("p", policy == null ? null : policy.value()).execute();
    }

    void setCloseAfterDays(Handle h, String scope, long scopeId, Integer days) {
        h.createUpdate("""
                insert into comment_settings (scope, scope_id, close_after_days) values (:s, :id, :d)
                on conflict (scope, scope_id) do update set close_after_days = excluded.close_after_days""")
                .bind("s", scope).bind("id", scopeId).bind("d", days).execute();
    }

    Optional<Boolean> closing(Handle h, long articleId) {
        return h.createQuery("select closed from comment_closings where article_id = :a").bind("a", articleId)
                .mapTo(Boolean.class).findOne();
    }

    void setClosing(Handle h, long articleId, boolean closed, String staffName, Instant now) {
        h.createUpdate("""
                insert into comment_closings (article_id, closed, staff_name, changed_at) values (:a, :c, :s, :now)
                on conflict (article_id) do update set closed = excluded.closed, staff_name = excluded.staff_name,
                    changed_at = excluded.changed_at""")
                .bind("a", articleId).bind("c", closed).bind("s", staffName).bind("now", now).execute();
    }

    /** A reader's comments, reports and ban, for their export (deleted comments keep only their place). */
    Map<String, Object> export(Handle h, long readerId) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("comments", h.createQuery(SELECT + " where c.reader_id = :r order by c.created_at, c.id")
                .bind("r", readerId).map((rs, ctx) -> map(rs)).map(c -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("id", c.id());
                    m.put("articleId", c.articleId());
                    m.put("replyTo", c.parentId());
                    m.put("name", c.authorName());
                    m.put("text", c.bodyText());
                    m.put("status", c.deleted() ? "deleted" : c.status());
                    m.put("postedAt", c.createdAt());
                    m.put("editedAt", c.editedAt());
                    m.put("deletedAt", c.deletedAt());
                    return m;
                }).list());
        out.put("replyMailFor", h.createQuery("select id from comments where reader_id = :r and notify_email is not null order by id")
                .bind("r", readerId).mapTo(Long.class).list());
        out.put("reports", h.createQuery("select comment_id, reason, created_at from comment_reports where reader_id = :r order by created_at")
                .bind("r", readerId).map((rs, ctx) -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("commentId", rs.getLong("comment_id"));
                    m.put("reason", rs.getString("reason"));
                    m.put("reportedAt", rs.getTimestamp("created_at").toInstant());
                    return m;
                }).list());
        out.put("bannedAt", h.createQuery("select banned_at from comment_bans where reader_id = :r").bind("r", readerId)
                .mapTo(Instant.class).findOne().orElse(null));
        return out;
    }

    /** Anonymises (or removes) a reader's comments and drops their reports, ban and reply address; returns how many comments changed. */
    int forget(Handle h, long readerId, boolean remove, String anonymousName, Instant now) {
        h.createUpdate("delete from comment_reports where reader_id = :r").bind("r", readerId).execute();
        h.createUpdate("delete from comment_bans where reader_id = :r").bind("r", readerId).execute();
        if (remove) {
            return h.createUpdate("""
                    update comments set author_name = :name, notify_email = null, body_text = '', body_html = '',
                           deleted_at = coalesce(deleted_at, :now)
                    where reader_id = :r and (author_name <> :name or deleted_at is null or notify_email is not null or body_text <> '')""")
                    .bind("name", anonymousName).bind("now", now).bind("r", readerId).execute();
        }
        return h.createUpdate("""
                update comments set author_name = :name, notify_email = null
                where reader_id = :r and (author_name <> :name or notify_email is not null)""")
                .bind("name", anonymousName).bind("r", readerId).execute();
    }

    /** Every scope of one kind that sets something, by id. */
    Map<Long, Setting> settings(Handle h, String scope) {
        Map<Long, Setting> out = new java.util.LinkedHashMap<>();
        h.createQuery("select scope_id, policy, close_after_days from comment_settings where scope = :s order by scope_id")
                .bind("s", scope)
                .map((rs, ctx) -> {
                    int days = rs.getInt("close_after_days");
                    Integer closeAfter = rs.wasNull() ? null : days;
                    return Map.entry(rs.getLong("scope_id"), new Setting(Policy.parse(rs.getString("policy")).orElse(null), closeAfter));
                }).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
