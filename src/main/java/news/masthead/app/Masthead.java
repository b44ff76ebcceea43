package news.masthead.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.NotFoundResponse;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import news.masthead.admin.Admin;
import news.masthead.ads.Ads;
import news.masthead.magazine.Magazine;
import news.masthead.partners.Partners;
import news.masthead.appeals.Appeals;
import news.masthead.migration.Migration;
import news.masthead.consent.Consent;
import news.masthead.epaper.Composer;
import news.masthead.epaper.Epaper;
import news.masthead.epaper.Placement;
import news.masthead.press.Composition;
import news.masthead.press.Press;
import news.masthead.comments.Comments;
import news.masthead.privacy.Privacy;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.cache.InvalidationBus;
import news.masthead.platform.cache.PageCache;
import news.masthead.accounts.Accounts;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffMember;
import news.masthead.admin.Editor;
import news.masthead.membership.Membership;
import news.masthead.membership.ReaderDirectory;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.metrics.Metrics;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.SecurityHeaders;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.Gate;
import news.masthead.site.JoinOffer;
import news.masthead.site.PhotoFigures;
import news.masthead.site.Site;
import news.masthead.site.Variants;
import news.masthead.syndication.Feeds;
import news.masthead.syndication.feedin.FeedImport;
import news.masthead.search.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One running Masthead node: the features built on one database and served over HTTP. All wiring
 * happens here, by plain constructors.
 */
public final class Masthead implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Masthead.class);
    /** The largest photo upload (PhotoLibrary refuses more than 25 MB with its own message). */
    private static final long MAX_UPLOAD_MB = 26;

    private final Database database;
    private final Javalin http;
    private final PageCache pageCache;
    private final InvalidationBus invalidationBus;
    private final Metrics metrics;
    private final Accounts accounts;
    private final Newsroom newsroom;
    private final Admin admin;
    private final Site site;
    private final Search search;
    private final PhotoLibrary photos;
    private final FeedImport feedImport;
    private final Mailer mailer;
    private final Migration migration;
    private final Consent consent;
    private final Membership membership;
    private final Comments comments;
    private final Ads ads;
    private final Magazine magazine;
    private final Partners partners;
    private final Appeals appeals;
    private final Epaper epaper;
    private final Privacy privacy;
    private final news.masthead.platform.jobs.Jobs jobs;
    private volatile Settings settings;

    private Masthead(Settings settings, Database database, Clock clock) {
        this.settings = settings;
        this.database = database;
        ObjectMapper json = Json.mapper();
        Templates templates = new Templates();
        Web web = new Web(templates, new Csrf(settings.secureCookies()), json, new ErrorPages(templates, json), new Assets());
        this.mailer = new Mailer(database, settings.mail(), clock);
        this.accounts = new Accounts(database, web, clock, settings.secureCookies(), mailer,
                () -> this.settings.baseUrl(), () -> site().frame());
        this.metrics = new Metrics(settings.metricsToken(), accounts::isAdmin);
        this.pageCache = new PageCache();
        this.invalidationBus = new InvalidationBus(database);
        invalidationBus.subscribe(pageCache);
        metrics.watch(database.pool());
        metrics.watch(pageCache);
        this.newsroom = new Newsroom(database, clock);
        this.photos = new PhotoLibrary(database, clock);
        PhotoFigures figures = id -> photos.find(id).map(p -> new PhotoFigures.Figure(p.src(), p.srcset(),
                p.srcWidth(), p.heightAt(p.srcWidth()), p.alt(), p.caption(), p.credit()));
        java.util.function.BiFunction<io.javalin.http.Context, String, Editor> requireStaff = (ctx, role) -> {
            StaffMember staff = accounts.requireStaff(ctx, Role.parse(role));
            return new Editor(staff.id(), staff.name(), staff.role().name().toLowerCase(java.util.Locale.ROOT));
        };
        this.membership = new Membership(database, web, clock, mailer, settings.payments(), new ReaderDirectory() {
                    public java.util.Optional<news.masthead.accounts.Reader> byId(long id) {
                        return accounts.reader(id);
                    }

                    public news.masthead.accounts.Reader findOrAdd(String email) {
                        return accounts.readerForEmail(email);
                    }
                }, accounts::requireReader, (ctx, role) -> requireStaff.apply(ctx, role).name(), () -> site().frame(),
                () -> this.settings.baseUrl());
        accounts.showMembershipWith(membership::summaryHtml);
        // premium: what gated articles require, and which variant of the pages each reader gets
        Gate gate = gate(database, newsroom);
        Variants variants = new Variants(accounts::readerSession, (ctx, now) -> accounts.currentReader(ctx).map(reader -> {
            var holding = membership.entitlements().holding(reader.id(), now);
            return new Variants.Standing(reader.id(), holding.entitlements(), holding.validUntil());
        }), clock);
        invalidationBus.subscribe(variants);
        membership.onChange(readerId -> invalidationBus.publish(Variants.readerKey(readerId)));
        Feeds feeds = new Feeds(newsroom, () -> this.settings.baseUrl(), id -> figures.figure(id).map(PhotoFigures.Figure::src), json, clock,
                gate::forEveryone);
        this.site = new Site(database, newsroom, feeds, figures, web, pageCache, () -> this.settings.baseUrl(), gate, variants,
                entitlement -> membership.cheapestGranting(entitlement).map(plan -> new JoinOffer(plan.name(), plan.priceInWords())));
        newsroom.onChange(change -> invalidationBus.publish(site.invalidationKeys(change).toArray(String[]::new)));
        site.onSettingsChange(() -> invalidationBus.publish(Site.EVERY_PAGE));
        // captions and credits show on many pages and feeds; edits are rare, so drop every public page
        photos.onDetailsChange(photoId -> invalidationBus.publish(Site.EVERY_PAGE));
        this.search = new Search(newsroom, settings.dataDir().resolve("search"), site.settings().language(), clock, gate::forEveryone);
        newsroom.onChange(change -> search.poke());
        this.admin = new Admin(newsroom, site, web, () -> this.settings.baseUrl(), requireStaff,
                ctx -> accounts.requireApiToken(ctx).name());
        this.feedImport = new FeedImport(database, newsroom, photos, web, clock, (ctx, role) -> requireStaff.apply(ctx, role).name());
        this.consent = new Consent(database, web, clock, settings.secureCookies(),
                ctx -> accounts.requireStaff(ctx, Role.ADMIN).name(), site::frame);
        // a member is a reader with any entitlement (the "members only" comment policy)
        this.comments = new Comments(database, newsroom, mailer, web, clock,
                reader -> !membership.entitlements().of(reader, clock.instant()).isEmpty(),
                email -> accounts.staff().stream().anyMatch(s -> s.email().equalsIgnoreCase(email)),
                () -> this.settings.baseUrl(), accounts::currentReader, accounts::requireReader,
                ctx -> accounts.requireStaff(ctx, Role.EDITOR).name(), () -> site().frame());
        this.ads = new Ads(database, photos, web, clock,
                ctx -> accounts.currentReader(ctx).map(r -> membership.entitlements().of(r, clock.instant())).orElse(java.util.Set.of()),
                ctx -> accounts.requireStaff(ctx, Role.EDITOR).name());
        this.magazine = new Magazine(database, newsroom, figures, site, web, clock, (ctx, role) -> requireStaff.apply(ctx, role).name());
        magazine.onChange(keys -> invalidationBus.publish(keys.toArray(String[]::new)));
        site.addLabels(magazine::labels);
        this.partners = new Partners(database, newsroom, feedImport, web, clock, (ctx, role) -> requireStaff.apply(ctx, role).name(),
                ctx -> accounts.requireApiToken(ctx).name());
        partners.onChange(keys -> invalidationBus.publish(keys.toArray(String[]::new)));
        site.addLabels(partners::labels);
        site.placeAds(ads::slotsShown, ads::placeInArticle);
        ads.onSettingsChange(() -> invalidationBus.publish(Site.EVERY_PAGE));
        this.appeals = new Appeals(database, web, clock, membership, accounts::currentReader,
                ctx -> accounts.requireStaff(ctx, Role.EDITOR).name());
        membership.onStart(started -> appeals.converted(started.attribution()));
        Press press = new Press(newsroom, photos, () -> site.settings().name(), clock, site.settings().zone());
        this.epaper = new Epaper(database, web, clock, newsroom, composer(press), accounts::currentReader, membership.entitlements(),
                membership::activePlans, ctx -> accounts.requireStaff(ctx, Role.EDITOR).name(),
                ctx -> accounts.currentStaff(ctx).isPresent(), () -> site().frame(), () -> site.settings().zone());
        this.privacy = new Privacy(database, web, clock, mailer, accounts, membership, comments, consent, site::frame,
                ctx -> accounts.requireStaff(ctx, Role.ADMIN).name());
        comments.auditTo(privacy.audit());
        // comment counts on list pages are rendered into the cached pages: purge the article's key (every
        // list carries the keys of the articles it shows) when its count may have changed
        site.showCommentCounts(comments::count);
        comments.onCountChange(articleId -> invalidationBus.publish("article:" + articleId));
        membership.auditTo(privacy.audit());
        privacy.addPart("appealChoices", appeals::exportFor, appeals::forgetReader);
        this.migration = new Migration(database, newsroom, photos, new Migration.Features(comments, accounts, membership,
                new news.masthead.syndication.feedin.WebFetch(news.masthead.syndication.feedin.WebFetch.Limits.images(), false)), clock);
        this.jobs = new news.masthead.platform.jobs.Jobs(database.dataSource());
        this.http = Javalin.create(config -> configure(config, web));
    }

    /** The press lays out editions from the newsroom; the ePaper publishes them. */
    private static Composer composer(Press press) {
        return new Composer() {
            @Override
            public List<Long> defaultStories(LocalDate day) {
                return press.defaultStories(day);
            }

            @Override
            public Composed compose(LocalDate day, List<Long> articleIds) {
                Composition c = press.compose(day, articleIds);
                return new Composed(c.pdf(), c.placements().stream()
                        .map(p -> new Placement(p.articleId(), p.headline(), p.page())).toList());
            }
        };
    }

    private void configure(JavalinConfig config, Web web) {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = (MAX_UPLOAD_MB + 1) * 1024 * 1024;
        config.http.generateEtags = false;
        config.router.ignoreTrailingSlashes = true;
        config.router.treatMultipleSlashesAsSingleSlash = true;
        // measured with bench/http's article page (wrk -t1 -c64, 2 cores): Jetty's pooled platform
        // threads served 29–40 k req/s where a virtual thread per request served 26 k
        config.concurrency.useVirtualThreads = false;
        config.jetty.port = settings.port();
        config.jetty.modifyServer(server -> server.setStopTimeout(2000));
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
        });
        config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_MB, SizeUnit.MB);
        config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_MB + 1, SizeUnit.MB);
        config.routes.before(ctx -> SecurityHeaders.apply(ctx));
        // refuse an oversized body from its declared length, before anything (the CSRF check) reads it
        config.routes.before(ctx -> {
            // ePaper uploads (print PDFs) may be far larger; their parts stream to temporary files
            long limit = Epaper.isUpload(ctx) ? epaper.prepareUpload(ctx) : (MAX_UPLOAD_MB + 1) * 1024 * 1024;
            if (ctx.req().getContentLengthLong() > limit) {
                if (Epaper.isUpload(ctx)) {
                    throw WebError.tooLarge("pdf", "That PDF is larger than " + epaper.settings().maxUploadMb() + " MB, the most this site takes.");
                }
                throw WebError.tooLarge(null, "That upload is too large: at most " + MAX_UPLOAD_MB + " MB.");
            }
        });
        config.routes.before(ctx -> web.csrf().verify(ctx));
        web.errors().register(config.routes);
        metrics.install(config);
        new Health(database, web.json(), search::changesBehind).routes(config.routes);
        config.routes.get("/csrf", web.csrf()::serve);
        accounts.routes(config.routes);
        mailer.routes(config.routes, web, ctx -> accounts.requireStaff(ctx, Role.ADMIN).name());
        admin.routes(config.routes);
        photos.routes(config.routes);
        photos.adminRoutes(config.routes, web, ctx -> accounts.requireStaff(ctx, Role.CONTRIBUTOR).name());
        feedImport.routes(config.routes);
        migration.adminRoutes(config.routes, web, ctx -> accounts.requireStaff(ctx, Role.EDITOR).name());
        consent.routes(config.routes);
        membership.routes(config.routes);
        comments.routes(config.routes);
        ads.routes(config.routes);
        magazine.routes(config.routes);
        partners.routes(config.routes);
        appeals.routes(config.routes);
        epaper.routes(config.routes);
        privacy.routes(config.routes);
        // the site's /{section}/{slug} matches any two-segment path, and Javalin tries endpoints before
        // static files: answer /assets/{file} from the static files first, and register the site last
        config.routes.get("/assets/{file}", ctx -> {
            if (config.unsafe.resourceHandler == null || !config.unsafe.resourceHandler.handle(ctx)) {
                throw new NotFoundResponse();
            }
        });
        search.routes(config.routes, web, site::frame);
        site.routes(config.routes);
    }

    /**
     * The premium gate over this newsroom. Requirements kept by other features (a magazine issue's
     * articles need {@code magazine}, a partner publication's {@code partner:<slug>}) are added here
     * with {@code gate.addRule(articleId -> ...)}, so the node and the {@code search reindex} command
     * gate alike.
     */
    public static Gate gate(Database database, Newsroom newsroom) {
        Gate gate = new Gate(database, newsroom);
        gate.addRule(Magazine.rule(database));
        gate.addRule(Partners.rule(database));
        return gate;
    }

    /** Builds every feature on {@code database} and starts serving on the configured port. */
    public static Masthead start(Settings settings, Database database, Clock clock) {
        Masthead masthead = new Masthead(settings, database, clock);
        try {
            masthead.http.start();
        } catch (RuntimeException e) {
            masthead.close();
            throw e;
        }
        masthead.admin.start();
        masthead.mailer.start(java.time.Duration.ofSeconds(5));
        masthead.accounts.start();
        masthead.membership.start();
        masthead.ads.start();
        // one scheduler for the node's recurring jobs (see platform.jobs.Jobs for why not one per feature)
        masthead.jobs.add(masthead.feedImport.job());
        masthead.epaper.job().ifPresent(masthead.jobs::add);
        masthead.jobs.add(masthead.privacy.job());
        masthead.jobs.start();
        masthead.settings = settings.withPort(masthead.http.port());
        log.info("Masthead is serving {}", masthead.settings.baseUrl());
        return masthead;
    }

    public int port() {
        return http.port();
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    /** Rendered public pages; the site serves through it. */
    public PageCache pageCache() {
        return pageCache;
    }

    /** Where the newsroom publishes what changed, so every node drops the pages built from it. */
    public InvalidationBus invalidationBus() {
        return invalidationBus;
    }

    /** Where features register their own meters. */
    public Metrics metrics() {
        return metrics;
    }

    /** Staff accounts, sessions and API tokens: what other features ask who is calling. */
    public Accounts accounts() {
        return accounts;
    }

    /** Reader comments under articles. */
    public Comments comments() {
        return comments;
    }

    /** Articles, sections, authors and tags: what the site, feeds and search read. */
    public Newsroom newsroom() {
        return newsroom;
    }

    public Site site() {
        return site;
    }

    /** Outgoing mail: queue it here, the sender loop delivers it. */
    public Mailer mailer() {
        return mailer;
    }

    /** This node's full-text search index. */
    public Search search() {
        return search;
    }

    /** Cookie and script declarations, the cookie policy, readers' consent. */
    public Consent consent() {
        return consent;
    }

    /** Readers' data export and erasure, the staff audit log, the retention job. */
    public Privacy privacy() {
        return privacy;
    }

    /** Plans, subscriptions and payments; {@code membership().entitlements()} answers what a reader may get. */
    public Membership membership() {
        return membership;
    }

    /** First-party ads: creatives, rotation, counts. */
    public Ads ads() {
        return ads;
    }

    /** The ePaper: print editions for readers with the {@code epaper} entitlement. */
    public Epaper epaper() {
        return epaper;
    }

    /** The photo library (the demo adds its pictures here). */
    public PhotoLibrary photos() {
        return photos;
    }

    /** The monthly magazine; {@code magazine().requirementOf(id)} is its article gate's answer. */
    public Magazine magazine() {
        return magazine;
    }

    /** Partner publications; {@code partners().requirementOf(id)} is their article gate's answer. */
    public Partners partners() {
        return partners;
    }

    /** "Dear Reader" appeals: what staff write, what readers chose, the results. */
    public Appeals appeals() {
        return appeals;
    }

    /** Feed subscriptions and their import. */
    public FeedImport feedImport() {
        return feedImport;
    }

    @Override
    public void close() {
        jobs.close();
        admin.close();
        accounts.close();
        membership.close();
        ads.close();
        epaper.close();
        mailer.close();
        http.stop();
        search.close();
        invalidationBus.close();
        metrics.close();
    }
}
