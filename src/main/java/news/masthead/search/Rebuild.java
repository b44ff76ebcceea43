package news.masthead.search;

import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import org.apache.lucene.analysis.Analyzer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A whole new generation built from PostgreSQL, the source of truth. It records an outbox position a
 * little before the newest entry seen at the start ({@link #REPLAY}), so changes made during the
 * build, and transactions that were still in flight when it began, are replayed by the follower.
 * Replaying is harmless: applying an entry re-reads the article as it is now.
 */
final class Rebuild {
    static final long REPLAY = 200;
    private static final int BATCH = 200;

    private Rebuild() {
    }

    record Result(String generation, int articles) {
    }

    /** Builds, commits and closes a new generation, then makes it current. */
    static Result run(Newsroom newsroom, IndexStore store, Analyzer analyzer,
                      java.util.function.UnaryOperator<LiveArticle> forEveryone) throws IOException {
        long from = Math.max(0, newsroom.lastChangeId() - REPLAY);
        Path dir = store.newGeneration();
        int count = 0;
        try (Generation generation = Generation.create(dir, analyzer)) {
            long after = 0;
            while (true) {
                List<Long> ids = newsroom.publishedIdsAfter(after, BATCH);
                if (ids.isEmpty()) {
                    break;
                }
                for (LiveArticle live : newsroom.live(ids)) {
                    generation.add(IndexedArticle.of(forEveryone.apply(live)));
                    count++;
                }
                after = ids.getLast();
            }
            generation.commit(from);
        } catch (IOException | RuntimeException e) {
            store.discard(dir);
            throw e;
        }
        store.makeCurrent(dir.getFileName().toString());
        return new Result(dir.getFileName().toString(), count);
    }
}
