package news.masthead.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.html.Markdown;
import news.masthead.platform.web.Web;
import news.masthead.site.Site;

import java.time.Duration;
import java.time.ZoneId;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The editorial back office ({@code /admin/...}), the admin JSON API ({@code /api/admin/v1}) and
 * the public read-only content API ({@code /api/v1}), plus the job that publishes scheduled
 * articles. Who may do what comes from outside: {@code requireStaff} answers the signed-in staff
 * member with at least the given role ({@code contributor}, {@code editor}, {@code admin}) or
 * throws; {@code requireApiClient} answers the calling API client's name or throws.
 */
public final class Admin implements AutoCloseable {
    static final Duration PUBLISH_DUE_EVERY = Duration.ofSeconds(10);

    private final ArticlePages articles;
    private final LockRoutes locks;
    private final RevisionPages revisions;
    private final TaxonomyPages taxonomy;
    private final SettingsPages settings;
    private final AdminApi adminApi;
    private final ContentApi contentApi;
    private final ScheduledPublisher publisher;

    /**
     * @param baseUrl  the public address articles' URLs start with (read per request: it is known once the port is)
     * @param site     the site, whose settings admins change and whose time zone editors type and read times in
     */
    public Admin(Newsroom newsroom, Site site, Web web, Supplier<String> baseUrl,
                 BiFunction<Context, String, Editor> requireStaff, Function<Context, String> requireApiClient) {
        Supplier<ZoneId> siteZone = () -> site.settings().zone();
        Pages pages = new Pages(web, requireStaff);
        Times times = new Times(siteZone);
        this.articles = new ArticlePages(newsroom, pages, times, new Markdown(), baseUrl);
        this.locks = new LockRoutes(newsroom, pages, times, web);
        this.revisions = new RevisionPages(newsroom, pages, times);
        this.taxonomy = new TaxonomyPages(newsroom, pages);
        this.settings = new SettingsPages(site, pages);
        this.adminApi = new AdminApi(newsroom, web, new JsonBodies(web.json()), requireApiClient, baseUrl);
        this.contentApi = new ContentApi(newsroom, web, baseUrl, site.gate(), requireApiClient);
        this.publisher = new ScheduledPublisher(newsroom, PUBLISH_DUE_EVERY);
    }

    public void routes(RoutesConfig routes) {
        articles.routes(routes);
        locks.routes(routes);
        revisions.routes(routes);
        taxonomy.routes(routes);
        settings.routes(routes);
        adminApi.routes(routes);
        contentApi.routes(routes);
    }

    /** Starts publishing scheduled articles every {@link #PUBLISH_DUE_EVERY}; safe on many nodes at once. */
    public void start() {
        publisher.start();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
