package news.masthead.search;

import io.javalin.config.RoutesConfig;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.web.Web;
import news.masthead.site.PageMeta;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.AlreadyClosedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Full-text search over published articles: this node's Lucene index in {@code <data-dir>/search},
 * a projection of PostgreSQL kept current from the newsroom's outbox and rebuilt from it when lost.
 * A published article is searchable within a second (the follower polls every 200 ms and is woken
 * by {@link #poke()}); an unpublished one disappears as fast.
 */
public final class Search implements AutoCloseable {
    private final Newsroom newsroom;
    private final IndexStore store;
    private final Analyzer analyzer;
    private final Finder finder;
    private final Follower follower;
    private final UnaryOperator<LiveArticle> forEveryone;

    /**
     * Opens the index in {@code indexDir} (rebuilding it in the background if it is missing or
     * unreadable) and starts following the outbox.
     *
     * @param language the site's language tag ("en", "fr" …), which chooses stemming and stop words
     */
    public Search(Newsroom newsroom, Path indexDir, String language, Clock clock) {
        this(newsroom, indexDir, language, clock, UnaryOperator.identity());
    }

    /**
     * @param forEveryone what of an article anyone may read ({@code site.Gate::forEveryone}); only that
     *                    is indexed, so neither a snippet nor probing with words can reveal a gated
     *                    article's text past its free part (members do not find it by those words either)
     */
    public Search(Newsroom newsroom, Path indexDir, String language, Clock clock, UnaryOperator<LiveArticle> forEveryone) {
        this.forEveryone = forEveryone;
        this.newsroom = newsroom;
        this.store = new IndexStore(indexDir);
        this.analyzer = Analysis.forLanguage(language);
        this.finder = new Finder(analyzer);
        try {
            this.follower = new Follower(newsroom, store, analyzer, clock, forEveryone);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + indexDir, e);
        }
        follower.start();
    }

    /** Tells the follower the outbox has news; call it from {@code Newsroom.onChange}. */
    public void poke() {
        follower.poke();
    }

    /** One page of results; never fails on what the reader typed. */
    public SearchResults find(SearchRequest request) {
        if (request.isEmpty()) {
            return SearchResults.none(request);
        }
        for (int attempt = 0; ; attempt++) {
            Generation generation = follower.current();
            try {
                return generation.withSearcher(searcher -> finder.find(searcher, request));
            } catch (AlreadyClosedException e) {
                if (attempt > 0) {
                    throw e;
                }
                // the follower just switched to a new generation: search that one
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Rebuilds the index from PostgreSQL into a new generation, makes it current, and waits (up to
     * 30 s) until this node searches it. Returns how many articles were indexed.
     */
    public int reindex() {
        try {
            Rebuild.Result result = Rebuild.run(newsroom, store, analyzer, forEveryone);
            follower.poke();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!follower.current().name.equals(result.generation()) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            return result.articles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while switching to the rebuilt index", e);
        }
    }

    /**
     * Rebuilds the index in {@code indexDir} from PostgreSQL without a running node (the CLI): a new
     * generation is built beside the current one and made current atomically; a node running on the
     * same directory switches to it on its next poll. Returns how many articles were indexed.
     */
    public static int rebuild(Newsroom newsroom, Path indexDir, String language) {
        return rebuild(newsroom, indexDir, language, UnaryOperator.identity());
    }

    /** As {@link #rebuild(Newsroom, Path, String)}, indexing only what {@code forEveryone} leaves of each article. */
    public static int rebuild(Newsroom newsroom, Path indexDir, String language, UnaryOperator<LiveArticle> forEveryone) {
        IndexStore store = new IndexStore(indexDir);
        try {
            int articles = Rebuild.run(newsroom, store, Analysis.forLanguage(language), forEveryone).articles();
            store.deleteObsolete();
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many outbox entries this node's index has yet to apply (0 when it is current). */
    public long changesBehind() {
        return Math.max(0, newsroom.lastChangeId() - follower.watermark());
    }

    /** When the follower last applied an outbox entry (null if not since start). */
    public Instant lastApplied() {
        return follower.lastApplied();
    }

    /**
     * {@code GET /search} (HTML, {@code noindex}) and {@code GET /api/v1/search} (JSON).
     *
     * @param frame the site's name and navigation for the shared public layout
     */
    public void routes(RoutesConfig routes, Web web, Supplier<PageMeta.SiteFrame> frame) {
        new SearchRoutes(this, newsroom, web, frame).register(routes);
    }

    @Override
    public void close() {
        try {
            follower.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
