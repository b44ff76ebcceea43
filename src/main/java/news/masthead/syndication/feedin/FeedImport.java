package news.masthead.syndication.feedin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Feed import: subscriptions to other publications' RSS, Atom and JSON feeds, polled by a cluster-wide
 * job, whose items become articles in the newsroom with a canonical link and an attribution line.
 * Staff manage sources at {@code /admin/feeds}. {@code requireStaff} answers the signed-in staff member's
 * name when their role is at least the one given ({@code editor}, {@code admin}) and throws otherwise.
 */
public final class FeedImport {
    static final int DUE_PER_RUN = 20;

    private final Sources sources;
    private final Items items;
    private final Newsroom newsroom;
    private final Poller poller;
    private final FeedPages pages;
    private final Clock clock;
    private final SafeFetcher fetcher;
    private final FeedReader reader = new FeedReader();
    private final List<Runnable> alsoOnEachPoll = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FeedImport(Database database, Newsroom newsroom, Web web, Clock clock, BiFunction<Context, String, String> requireStaff) {
        this(database, newsroom, null, web, clock, requireStaff);
    }

    /** With a photo library, items get their lead photo (the page's or the feed's image). */
    public FeedImport(Database database, Newsroom newsroom, PhotoLibrary photos, Web web, Clock clock,
                      BiFunction<Context, String, String> requireStaff) {
        this(database, newsroom, photos, web, clock, requireStaff, SafeFetcher.Limits.standard());
    }

    FeedImport(Database database, Newsroom newsroom, Web web, Clock clock, BiFunction<Context, String, String> requireStaff,
               SafeFetcher.Limits limits) {
        this(database, newsroom, null, web, clock, requireStaff, limits);
    }

    FeedImport(Database database, Newsroom newsroom, PhotoLibrary photos, Web web, Clock clock,
               BiFunction<Context, String, String> requireStaff, SafeFetcher.Limits limits) {
        this.sources = new Sources(database);
        this.items = new Items(database);
        this.newsroom = newsroom;
        this.clock = clock;
        this.fetcher = new SafeFetcher(limits);
        this.poller = new Poller(sources, fetcher, new ItemImporter(items, newsroom, fetcher, new LeadPhotos(photos, fetcher), clock), clock);
        this.pages = new FeedPages(this, web, requireStaff);
    }

    public void routes(RoutesConfig routes) {
        pages.routes(routes);
    }

    /** The recurring poll job, for the node's {@code platform.jobs.Jobs} (one run at a time across the cluster). */
    public news.masthead.platform.jobs.Jobs.Job job() {
        return PollSchedule.job(this::pollDue);
    }

    /** Subscribes to a feed; it is polled on the next run. */
    public long addSource(SourceSettings settings) {
        SourceSettings s = validate(settings);
        if (sources.idByUrl(s.url()).isPresent()) {
            throw WebError.badRequest("url", "This feed is already subscribed.");
        }
        return sources.insert(s, clock.instant());
    }

    public void updateSource(long id, SourceSettings settings) {
        SourceSettings s = validate(settings);
        source(id).orElseThrow(() -> WebError.notFound("There is no such feed."));
        if (sources.idByUrl(s.url()).filter(other -> other != id).isPresent()) {
            throw WebError.badRequest("url", "Another source already has this feed address.");
        }
        sources.update(id, s, clock.instant());
    }

    public List<FeedSource> sources() {
        return sources.all();
    }

    public Optional<FeedSource> source(long id) {
        return sources.find(id);
    }

    /** The item log of one source, latest first. */
    public List<FeedItem> items(long sourceId, int limit) {
        return items.log(sourceId, limit);
    }

    /** Polls one source now, whether due or not (the admin's "Poll now"; tests). */
    public PollReport pollNow(long sourceId) {
        return poller.poll(sourceId);
    }

    /** Polls every source whose time has come (the recurring job). */
    public List<PollReport> pollDue() {
        List<PollReport> reports = new ArrayList<>();
        for (long id : sources.due(clock.instant(), DUE_PER_RUN)) {
            reports.add(poller.poll(id));
        }
        for (Runnable job : alsoOnEachPoll) {
            try {
                job.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(FeedImport.class).warn("A job run with the feed poll failed", e);
            }
        }
        return reports;
    }

    // for other features that read feeds (partner publications): the same safety, nothing stored here

    /**
     * Runs {@code job} after each run of the recurring poll job, so another feature's polling happens once
     * per run in the cluster without a scheduler of its own. A job that throws is logged, not retried.
     */
    public void alsoOnEachPoll(Runnable job) {
        alsoOnEachPoll.add(job);
    }

    /**
     * Fetches and reads one feed with this package's safety: {@code SafeFetcher}'s address checks (private
     * addresses only when {@code internal}), redirects, timeouts and size cap; XML with DOCTYPEs refused
     * (no XXE, no entity expansion); conditional GET with {@code etag} / {@code lastModified}. Never throws
     * for what the feed or its server does: a failure comes back as {@link FeedWindow#failure()}.
     */
    public FeedWindow read(String url, boolean internal, String etag, String lastModified) {
        try {
            SafeFetcher.Fetched fetched = fetcher.get(url, internal, etag, lastModified,
                    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.8, */*;q=0.1",
                    fetcher.limits().maxFeedBytes());
            if (fetched.notModified()) {
                return FeedWindow.notModified(etag, lastModified);
            }
            FeedReader.Parsed feed = reader.read(TextDecoding.feed(fetched.body(), fetched.contentType()), fetched.contentType());
            return new FeedWindow(false, feed.title(), feed.entries(), fetched.etag(), fetched.lastModified(), null, 200);
        } catch (ImportFailure e) {
            return FeedWindow.failed(e.getMessage(), e.httpStatus());
        }
    }

    /**
     * The HTTP status a page answers now (after redirects, with the same safety as {@link #read}), or empty
     * when no server answered (network failure, refused address, timeout, a page over the size cap).
     */
    public java.util.OptionalInt statusOf(String url, boolean internal) {
        try {
            return java.util.OptionalInt.of(fetcher.get(url, internal, null, null, "text/html, */*;q=0.5",
                    fetcher.limits().maxPageBytes()).status());
        } catch (ImportFailure e) {
            return e.httpStatus() > 0 ? java.util.OptionalInt.of(e.httpStatus()) : java.util.OptionalInt.empty();
        }
    }

    List<String> sectionSlugs() {
        return FeedPages.slugs(newsroom.sections());
    }

    private SourceSettings validate(SourceSettings s) {
        try {
            SafeFetcher.requireWebAddress(SafeFetcher.parse(s.url()));
        } catch (ImportFailure e) {
            throw WebError.badRequest("url", "Give the feed's full address, starting with https:// or http://.");
        }
        if (s.url().length() > 2000) {
            throw WebError.badRequest("url", "The feed address is too long.");
        }
        String title = s.title().isEmpty() ? java.net.URI.create(s.url()).getHost() : s.title();
        if (title.length() > 200) {
            throw WebError.badRequest("title", "The title is too long (at most 200 characters).");
        }
        if (newsroom.section(s.sectionSlug()).isEmpty()) {
            throw WebError.badRequest("section", "Choose the section imported articles go to.");
        }
        if (s.attribution().isEmpty()) {
            throw WebError.badRequest("attribution", "Say whom to credit, e.g. “Originally published by Example News”.");
        }
        if (s.attribution().length() > 120) {
            throw WebError.badRequest("attribution", "The attribution is too long (at most 120 characters).");
        }
        if (s.licence().length() > 60) {
            throw WebError.badRequest("licence", "The licence is too long (at most 60 characters), e.g. “CC BY 4.0”.");
        }
        return new SourceSettings(s.url(), title, s.sectionSlug(), s.attribution(), s.licence(), s.publish(), s.fetchFullPage(), s.internal());
    }
}
