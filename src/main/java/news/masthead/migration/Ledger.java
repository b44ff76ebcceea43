package news.masthead.migration;

import news.masthead.platform.db.Database;

import java.time.Clock;
import java.util.Optional;

/**
 * The rows of {@code import_items}: what each source item became. A row with no target is pending:
 * its item was being written when the last run stopped.
 */
final class Ledger {
    private final Database db;
    private final Clock clock;

    Ledger(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Entry(Long targetId, Integer targetRevision, String hash) {
        boolean pending() {
            return targetId == null;
        }
    }

    Optional<Entry> find(String source, String sourceId, String kind) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        select target_id, target_revision, content_hash from import_items
                        where source = :s and source_id = :id and kind = :k""")
                .bind("s", source).bind("id", sourceId).bind("k", kind)
                .map((rs, c) -> new Entry((Long) rs.getObject("target_id"), (Integer) rs.getObject("target_revision"),
                        rs.getString("content_hash")))
                .findOne());
    }

    /** Claims an item before writing it; false when another run claimed it first. */
    boolean begin(String source, String sourceId, String kind, String hash) {
        return db.jdbi().withHandle(h -> h.createUpdate("""
                        insert into import_items (source, source_id, kind, content_hash, imported_at) values (:s, :id, :k, :h, :now)
                        on conflict do nothing""")
                .bind("s", source).bind("id", sourceId).bind("k", kind).bind("h", hash).bind("now", clock.instant())
                .execute() == 1);
    }

    void done(String source, String sourceId, String kind, long targetId, Integer revision, String hash) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        insert into import_items (source, source_id, kind, target_id, target_revision, content_hash, imported_at)
                        values (:s, :id, :k, :t, :r, :h, :now)
                        on conflict (source, source_id, kind) do update
                        set target_id = excluded.target_id, target_revision = excluded.target_revision,
                            content_hash = excluded.content_hash, imported_at = excluded.imported_at""")
                .bind("s", source).bind("id", sourceId).bind("k", kind).bind("t", targetId).bind("r", revision)
                .bind("h", hash).bind("now", clock.instant()).execute());
    }

    /** Forgets a pending claim whose item failed, so the next run tries it afresh. */
    void abandon(String source, String sourceId, String kind) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        delete from import_items where source = :s and source_id = :id and kind = :k and target_id is null""")
                .bind("s", source).bind("id", sourceId).bind("k", kind).execute());
    }

    /** Whether an article is already what some imported item became (so a repair does not take it twice). */
    boolean claimed(String kind, long targetId) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from import_items where kind = :k and target_id = :t")
                .bind("k", kind).bind("t", targetId).mapTo(Integer.class).one() > 0);
    }
}
