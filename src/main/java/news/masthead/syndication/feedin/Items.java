package news.masthead.syndication.feedin;

import news.masthead.platform.db.Database;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of {@code feed_items}: one row per (source, item id), written in short transactions of its own
 * around the newsroom's, so that the row always tells a retry what may already have happened.
 */
final class Items {
    private static final String COLUMNS = """
            id, source_id, guid, url, headline, content_hash, article_id, revision, duplicate_of_article_id, status,
            store_started_at, error, first_seen_at, last_seen_at""";

    private final Database db;

    Items(Database db) {
        this.db = db;
    }

    Optional<FeedItem> find(long sourceId, String guid) {
        return db.jdbi().withHandle(h -> h.createQuery("select " + COLUMNS + " from feed_items where source_id = :s and guid = :g")
                .bind("s", sourceId).bind("g", guid).map((rs, c) -> row(rs)).findOne());
    }

    /** The item log of one source, latest first. */
    List<FeedItem> log(long sourceId, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("select " + COLUMNS + " " + """
                         from feed_items where source_id = :s order by last_seen_at desc, id desc limit :limit""")
                .bind("s", sourceId).bind("limit", limit).map((rs, c) -> row(rs)).list());
    }

    /** Whether any item (of any source) already points at this article. */
    boolean mapped(long articleId) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from feed_items where article_id = :a")
                .bind("a", articleId).mapTo(Integer.class).one() > 0);
    }

    /**
     * Notes, before the newsroom is asked, that this item is being stored: if the process dies after the
     * newsroom commits and before {@link #stored}, the next poll finds this mark and looks for the article.
     */
    void startStoring(long sourceId, String guid, String url, String headline, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        insert into feed_items (source_id, guid, url, headline, content_hash, status, store_started_at, first_seen_at, last_seen_at)
                        values (:s, :g, :url, :headline, '', 'storing', :now, :now, :now)
                        on conflict (source_id, guid) do update set status = 'storing', url = excluded.url,
                            store_started_at = coalesce(feed_items.store_started_at, excluded.store_started_at), last_seen_at = :now""")
                .bind("s", sourceId).bind("g", guid).bind("url", url).bind("headline", headline).bind("now", now).execute());
    }

    /** The newsroom has the article at {@code revision}: the item is done until the feed changes it. */
    void stored(long sourceId, String guid, String headline, String hash, long articleId, int revision, String status,
                int[] signature, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        update feed_items set headline = :headline, content_hash = :hash, article_id = :a, revision = :r,
                            status = :status, signature = :sig, error = null, last_seen_at = :now
                        where source_id = :s and guid = :g""")
                .bind("headline", headline).bind("hash", hash).bind("a", articleId).bind("r", revision).bind("status", status)
                .bind("sig", signature).bind("now", now).bind("s", sourceId).bind("g", guid).execute());
    }

    /** The same story is already here as {@code articleId}: remembered, flagged, not stored again. */
    void duplicate(long sourceId, String guid, String url, String headline, String hash, long articleId, double similarity, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        insert into feed_items (source_id, guid, url, headline, content_hash, duplicate_of_article_id, status, error,
                                                first_seen_at, last_seen_at)
                        values (:s, :g, :url, :headline, :hash, :a, 'duplicate', :note, :now, :now)
                        on conflict (source_id, guid) do update set url = excluded.url, headline = excluded.headline,
                            content_hash = excluded.content_hash, duplicate_of_article_id = excluded.duplicate_of_article_id,
                            status = 'duplicate', error = excluded.error, last_seen_at = :now""")
                .bind("s", sourceId).bind("g", guid).bind("url", url).bind("headline", headline).bind("hash", hash)
                .bind("a", articleId).bind("note", "About " + Math.round(similarity * 100) + " % the same text as article " + articleId + ".")
                .bind("now", now).execute());
    }

    /** Changed at the source, but staff edited the article since: the new text is not written over theirs. */
    void kept(long sourceId, String guid, String hash, String note, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        update feed_items set content_hash = :hash, status = 'kept', error = :note, last_seen_at = :now
                        where source_id = :s and guid = :g""")
                .bind("hash", hash).bind("note", note).bind("now", now).bind("s", sourceId).bind("g", guid).execute());
    }

    /**
     * The item could not be imported this time. Its hash stays as it was, so the next poll tries again;
     * an article it already has is untouched.
     */
    void failed(long sourceId, String guid, String url, String headline, String error, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        insert into feed_items (source_id, guid, url, headline, content_hash, status, error, first_seen_at, last_seen_at)
                        values (:s, :g, :url, :headline, '', 'failed', :error, :now, :now)
                        on conflict (source_id, guid) do update set status = 'failed', error = excluded.error, last_seen_at = :now""")
                .bind("s", sourceId).bind("g", guid).bind("url", url).bind("headline", headline)
                .bind("error", error.length() > 1000 ? error.substring(0, 1000) + "…" : error).bind("now", now).execute());
    }

    void seen(long id, Instant now) {
        db.jdbi().useHandle(h -> h.createUpdate("update feed_items set last_seen_at = :now where id = :id")
                .bind("now", now).bind("id", id).execute());
    }

    /** Signatures of stories stored from other sources since {@code since}, newest first. */
    List<Stored> recentFromOtherSources(long sourceId, Instant since, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        select article_id, signature from feed_items
                        where signature is not null and article_id is not null and source_id <> :s and first_seen_at >= :since
                        order by first_seen_at desc limit :limit""")
                .bind("s", sourceId).bind("since", since).bind("limit", limit)
                .map((rs, c) -> new Stored(rs.getLong("article_id"), ints(rs.getArray("signature")))).list());
    }

    /** An article stored from a feed, with its text's MinHash. */
    record Stored(long articleId, int[] signature) {
    }

    private static int[] ints(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).intValue();
        }
        return out;
    }

    private static FeedItem row(ResultSet rs) throws SQLException {
        return new FeedItem(rs.getLong("id"), rs.getLong("source_id"), rs.getString("guid"), rs.getString("url"),
                rs.getString("headline"), rs.getString("content_hash"), (Long) rs.getObject("article_id"),
                (Integer) rs.getObject("revision"), (Long) rs.getObject("duplicate_of_article_id"), rs.getString("status"),
                Sources.instant(rs, "store_started_at"), rs.getString("error"), Sources.instant(rs, "first_seen_at"),
                Sources.instant(rs, "last_seen_at"));
    }
}
