package news.masthead.consent;

import io.javalin.Javalin;
import io.javalin.http.Cookie;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.site.PageMeta;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response filter over real HTTP: a small server whose one page tries to set cookies of every
 * kind, in front of the consent feature with the publisher's declarations.
 */
class SetCookieFilterTest {
    static final Database database = TestDatabases.fresh();
    static final Consent consent;
    static final Javalin server;
    static final String base;

    static {
        Templates templates = new Templates();
        var json = Json.mapper();
        Web web = new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets());
        consent = new Consent(database, web, Clock.systemUTC(), false, ctx -> "Test admin",
                () -> new PageMeta.SiteFrame("Test", "", "en", "", "/assets/site.css", List.of()));
        ConsentRows rows = new ConsentRows(database.jdbi());
        var now = Clock.systemUTC().instant();
        rows.declare(Declaration.Kind.COOKIE, "lang", false, Category.PREFERENCES, "Remembers the language", now);
        rows.declare(Declaration.Kind.COOKIE, "_ga", true, Category.ANALYTICS, "Counts visits", now);
        rows.declare(Declaration.Kind.COOKIE, "lb", false, Category.NECESSARY, "Load balancer stickiness", now);
        consent.changed();
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.port = 0;
            config.routes.before(ctx -> web.csrf().verify(ctx));
            web.errors().register(config.routes);
            consent.routes(config.routes);
            config.routes.get("/csrf", web.csrf()::serve);
            config.routes.get("/page", ctx -> {
                ctx.cookie(new Cookie("lang", "fr"));
                ctx.cookie(new Cookie("_ga_XYZ", "GA1.1"));
                ctx.cookie(new Cookie("lb", "node-2"));
                ctx.cookie(new Cookie("mystery", "1"));
                ctx.cookie(new Cookie("mh_own", "x"));
                Cookie gone = new Cookie("_ga_OLD", "");
                gone.setMaxAge(0);
                ctx.cookie(gone);
                ctx.result("ok");
            });
        }).start();
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void beforeConsentOnlyNecessaryCookiesAndDeletionsGetThrough() {
        assertThat(names(new Visitor(base).get("/page"))).containsExactlyInAnyOrder("lb", "mh_own", "_ga_OLD");
    }

    @Test
    void anUndeclaredCookieIsNeverSetEvenAfterAcceptAll() {
        Visitor reader = new Visitor(base);
        reader.postJson("{\"choice\":\"accept\"}");
        assertThat(names(reader.get("/page"))).containsExactlyInAnyOrder("lb", "mh_own", "_ga_OLD", "lang", "_ga_XYZ");
    }

    @Test
    void aGrantedCategoryLetsItsCookiesThroughAndNoOther() {
        Visitor reader = new Visitor(base);
        reader.postJson("{\"choice\":\"custom\",\"categories\":[\"preferences\"]}");
        assertThat(names(reader.get("/page"))).contains("lang").doesNotContain("_ga_XYZ", "mystery");
    }

    @Test
    void globalPrivacyControlOverridesAnEarlierAcceptAll() {
        Visitor reader = new Visitor(base);
        reader.postJson("{\"choice\":\"accept\"}");
        assertThat(names(reader.get("/page", "Sec-GPC", "1"))).contains("lang").doesNotContain("_ga_XYZ");
    }

    @Test
    void aForgedConsentCookieSetsNothingOptional() {
        Visitor reader = new Visitor(base);
        reader.postJson("{\"choice\":\"reject\"}");
        String[] parts = reader.cookie("mh_consent").split("\\.");
        reader.setCookie("mh_consent", parts[0] + ".7." + parts[2] + "." + parts[3]);
        assertThat(names(reader.get("/page"))).doesNotContain("lang", "_ga_XYZ");
    }

    @Test
    void aConsentFromAnOlderPolicyVersionSetsNothingOptional() {
        Visitor reader = new Visitor(base);
        reader.postJson("{\"choice\":\"accept\"}");
        new ConsentRows(database.jdbi()).savePolicy("Changed.", Clock.systemUTC().instant());
        consent.changed();
        assertThat(names(reader.get("/page"))).doesNotContain("lang", "_ga_XYZ");
    }

    private static List<String> names(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SetCookieFilter::name).toList();
    }
}
