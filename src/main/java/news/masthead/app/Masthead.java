package news.masthead.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import news.masthead.admin.Admin;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.cache.InvalidationBus;
import news.masthead.platform.cache.PageCache;
import news.masthead.accounts.Accounts;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffMember;
import news.masthead.admin.Editor;
import news.masthead.platform.db.Database;
import news.masthead.platform.metrics.Metrics;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.SecurityHeaders;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.search.Search;
import news.masthead.site.PageMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * One running Masthead node: the features built on one database and served over HTTP. All wiring
 * happens here, by plain constructors.
 */
public final class Masthead implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Masthead.class);

    private final Database database;
    private final Javalin http;
    private final PageCache pageCache;
    private final InvalidationBus invalidationBus;
    private final Metrics metrics;
    private final Accounts accounts;
    private final Newsroom newsroom;
    private final Admin admin;
    private final Search search;
    private Settings settings;

    private Masthead(Settings settings, Database database, Clock clock) {
        this.settings = settings;
        this.database = database;
        ObjectMapper json = Json.mapper();
        Templates templates = new Templates();
        Web web = new Web(templates, new Csrf(settings.secureCookies()), json, new ErrorPages(templates, json), new Assets());
        this.accounts = new Accounts(database, web, clock, settings.secureCookies());
        this.metrics = new Metrics(settings.metricsToken(), accounts::isAdmin);
        this.pageCache = new PageCache();
        this.invalidationBus = new InvalidationBus(database);
        invalidationBus.subscribe(pageCache);
        metrics.watch(database.pool());
        metrics.watch(pageCache);
        this.newsroom = new Newsroom(database, clock);
        this.search = new Search(newsroom, settings.dataDir().resolve("search"), siteLanguage(), clock);
        newsroom.onChange(change -> search.poke());
        this.admin = new Admin(newsroom, web, () -> this.settings.baseUrl(), () -> ZoneOffset.UTC,
                (ctx, role) -> {
                    StaffMember staff = accounts.requireStaff(ctx, Role.parse(role));
                    return new Editor(staff.id(), staff.name(), staff.role().name().toLowerCase(java.util.Locale.ROOT));
                },
                ctx -> accounts.requireApiToken(ctx).name());
        this.http = Javalin.create(config -> configure(config, web));
    }

    /** The site's language (site settings), which search analysis follows. */
    private String siteLanguage() {
        return database.jdbi().withHandle(h -> h.createQuery("select language from site_settings where id = 1")
                .mapTo(String.class).findOne()).orElse("en");
    }

    /** The public layout's frame for search until the site feature provides the real one. */
    private PageMeta.SiteFrame siteFrame(Web web) {
        record Row(String name, String tagline, String language, String footer) {
        }
        Optional<Row> row = database.jdbi().withHandle(h -> h.createQuery(
                        "select name, tagline, language, footer_text from site_settings where id = 1")
                .map((rs, c) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).findOne());
        Row r = row.orElse(new Row("Masthead", "", "en", ""));
        return new PageMeta.SiteFrame(r.name(), r.tagline(), r.language(), r.footer(), web.assets().url("site.css"),
                newsroom.sections().stream().map(s -> new PageMeta.NavLink(s.name(), s.path())).toList());
    }

    private void configure(JavalinConfig config, Web web) {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = 60L * 1024 * 1024;
        config.http.generateEtags = false;
        config.router.ignoreTrailingSlashes = true;
        config.router.treatMultipleSlashesAsSingleSlash = true;
        config.concurrency.useVirtualThreads = true;
        config.jetty.port = settings.port();
        config.jetty.modifyServer(server -> server.setStopTimeout(2000));
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
        });
        config.routes.before(ctx -> SecurityHeaders.apply(ctx));
        config.routes.before(ctx -> web.csrf().verify(ctx));
        web.errors().register(config.routes);
        metrics.install(config);
        new Health(database, web.json()).routes(config.routes);
        accounts.routes(config.routes);
        admin.routes(config.routes);
        search.routes(config.routes, web, () -> siteFrame(web));
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

    /** Articles, sections, authors and tags: what the site, feeds and search read. */
    public Newsroom newsroom() {
        return newsroom;
    }

    /** This node's full-text search index. */
    public Search search() {
        return search;
    }

    @Override
    public void close() {
        admin.close();
        http.stop();
        search.close();
        invalidationBus.close();
        metrics.close();
    }
}
