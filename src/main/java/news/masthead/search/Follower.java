package news.masthead.search;

import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps this node's index current: applies outbox entries to the open generation, refreshes the
 * near-real-time searchers, commits with the applied outbox id, and switches to a new generation
 * when {@code CURRENT} changes (after a rebuild, here or by the CLI). Runs on one virtual thread;
 * it polls every {@link #POLL_MILLIS} ms and wakes at once on {@link #poke()}.
 */
final class Follower {
    private static final Logger log = LoggerFactory.getLogger(Follower.class);
    static final long POLL_MILLIS = 200;
    private static final int BATCH = 500;
    private static final long COMMIT_EVERY_NANOS = 2_000_000_000L;

    private final Newsroom newsroom;
    private final IndexStore store;
    private final Analyzer analyzer;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private volatile Generation current;
    private volatile boolean running = true;
    private volatile Instant lastApplied;
    /** The cursor's watermark as other threads may read it (health, benchmarks). */
    private volatile long watermark;
    private OutboxCursor cursor;
    private boolean dirty;
    private long lastCommit = System.nanoTime();
    private Thread thread;
    /** What of an article anyone may read: only that is indexed, so no search reveals a gated article's text. */
    private final java.util.function.UnaryOperator<LiveArticle> forEveryone;

    Follower(Newsroom newsroom, IndexStore store, Analyzer analyzer, Clock clock,
             java.util.function.UnaryOperator<LiveArticle> forEveryone) throws IOException {
        this.forEveryone = forEveryone;
        this.newsroom = newsroom;
        this.store = store;
        this.analyzer = analyzer;
        this.clock = clock;
        this.current = openCurrent().orElse(Generation.empty(analyzer));
        this.cursor = new OutboxCursor(current.committedApplied());
        watermark = cursor.watermark();
    }

    Generation current() {
        return current;
    }

    /** The outbox id up to which every change is in the index. */
    long watermark() {
        return watermark;
    }

    Instant lastApplied() {
        return lastApplied;
    }

    void start() {
        thread = Thread.ofVirtual().name("search-follower").start(this::loop);
    }

    void poke() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                step();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    log.warn("Search index follower failed a step; retrying", e);
                    sleep(2000);
                }
            }
            try {
                wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round: follow {@code CURRENT}, apply what the outbox has, commit now and then. */
    void step() throws IOException {
        Optional<String> named = store.current();
        if (named.isEmpty() || current.inMemory() && !store.dir(named.get()).toFile().isDirectory()) {
            rebuildNow();
        } else if (!named.get().equals(current.name)) {
            switchTo(named.get());
        }
        catchUp();
        if (dirty && System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) {
            commit();
        }
    }

    private void catchUp() throws IOException {
        while (running) {
            List<Newsroom.Change> batch = newsroom.changesSince(cursor.watermark(), BATCH);
            Set<Long> pendingIds = new LinkedHashSet<>(cursor.pending(batch.stream().map(Newsroom.Change::id).toList()));
            Set<Long> articles = batch.stream().filter(c -> pendingIds.contains(c.id())).map(Newsroom.Change::articleId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            apply(articles);
            cursor.applied(pendingIds, System.nanoTime());
            watermark = cursor.watermark();
            if (!pendingIds.isEmpty()) {
                dirty = true;
                lastApplied = clock.instant();
                current.refresh();
            }
            if (pendingIds.isEmpty() || batch.size() < BATCH) {
                return;
            }
        }
    }

    /** Indexes each article as it is live now, or removes it when it no longer is. */
    private void apply(Set<Long> articleIds) throws IOException {
        if (articleIds.isEmpty()) {
            return;
        }
        Map<Long, LiveArticle> live = newsroom.live(articleIds).stream()
                .collect(Collectors.toMap(LiveArticle::id, Function.identity()));
        for (long id : articleIds) {
            LiveArticle article = live.get(id);
            if (article == null) {
                current.delete(id);
            } else {
                current.upsert(IndexedArticle.of(forEveryone.apply(article)));
            }
        }
    }

    private void commit() throws IOException {
        if (!current.inMemory()) {
            current.commit(cursor.watermark());
        }
        dirty = false;
        lastCommit = System.nanoTime();
    }

    private Optional<Generation> openCurrent() {
        Optional<String> named = store.current();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Generation.open(store.dir(named.get()), analyzer));
        } catch (IOException | RuntimeException e) {
            log.warn("The search index {} cannot be opened ({}); rebuilding it from the database", named.get(), e.toString());
            return Optional.empty();
        }
    }

    private void rebuildNow() throws IOException {
        Rebuild.Result result = Rebuild.run(newsroom, store, analyzer, forEveryone);
        log.info("Search index rebuilt from the database: {} articles in {}", result.articles(), result.generation());
        switchTo(result.generation());
    }

    private void switchTo(String generation) throws IOException {
        Generation next;
        try {
            next = Generation.open(store.dir(generation), analyzer);
        } catch (IOException | RuntimeException e) {
            log.warn("The search index {} cannot be opened ({}); rebuilding it from the database", generation, e.toString());
            rebuildNow();
            return;
        }
        Generation previous = current;
        if (dirty && !previous.inMemory()) {
            previous.commit(cursor.watermark());
        }
        current = next;
        cursor = new OutboxCursor(next.committedApplied());
        watermark = cursor.watermark();
        dirty = false;
        previous.close();
        store.deleteObsolete();
        log.info("Search now uses index {}", generation);
    }

    /** Stops the thread and commits what was applied. */
    void close() throws IOException {
        running = false;
        wake.release();
        if (thread != null) {
            // no interrupt: an interrupted thread in the middle of file I/O would close Lucene's channels
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dirty) {
            commit();
        }
        current.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
