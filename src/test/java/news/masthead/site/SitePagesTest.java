package news.masthead.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.testing.RunningMasthead;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SitePagesTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Newsroom newsroom = app.masthead.newsroom();
    static final Author ada = newsroom.saveAuthor(null, "ada-reporter", "Ada Reporter", "Covers the world.", null);
    static final Author bo = newsroom.saveAuthor(null, "bo-writer", "Bo Writer", "", null);
    static final long floods;

    static {
        newsroom.saveSection(null, "world", "World", "News from everywhere", 1);
        newsroom.saveSection(null, "briefs", "Briefs", "", 2);
        floods = publish(new ArticleDraft("Río floods: <what> we know", "", "Rivers rose & roads closed.",
                "Water **everywhere**. [More](https://example.org/more)", null, "world", List.of(ada.id(), bo.id()),
                List.of("Weather", "Floods"), "rio-floods", "", "", ""));
        for (int i = 1; i <= 45; i++) {
            publish(ArticleDraft.of("Brief number " + i, "", "Short.", "briefs"));
        }
    }

    static long publish(ArticleDraft draft) {
        long id = newsroom.create(draft, null);
        newsroom.publish(id, null);
        return id;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), app.url("/"));
    }

    @Test
    void theFrontPageShowsTheLeadStoryTheLatestAndABlockPerSection() {
        var response = app.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).matches("text/html; ?charset=utf-8");
        Document doc = html(response);
        assertThat(doc.select("h1")).hasSize(1);
        assertThat(doc.select(".lead-story h2").text()).isEqualTo(newsroom.latest(0, 1).getFirst().headline());
        assertThat(doc.select(".latest .teaser")).hasSize(Pages.LATEST_ON_HOME);
        assertThat(doc.select(".section-block h2").eachText()).containsExactly("World", "Briefs");
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("a.skip[href=#main]")).hasSize(1);
        assertThat(doc.select("nav[aria-label]")).isNotEmpty();
        assertThat(doc.select("main#main")).hasSize(1);
    }

    @Test
    void anArticlePageHasTheHeadlineBylineTimesCanonicalAndNewsArticleJsonLd() throws Exception {
        var response = app.get("/world/rio-floods");
        assertThat(response.statusCode()).isEqualTo(200);
        Document doc = html(response);
        assertThat(doc.select("h1")).hasSize(1);
        assertThat(doc.select("h1").text()).isEqualTo("Río floods: <what> we know");
        assertThat(doc.select(".standfirst").text()).isEqualTo("Rivers rose & roads closed.");
        assertThat(doc.select(".byline a").eachAttr("href")).containsExactly("/author/ada-reporter", "/author/bo-writer");
        assertThat(doc.select(".byline").text()).isEqualTo("By Ada Reporter and Bo Writer");
        assertThat(doc.select("time[datetime]").first().attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(doc.select(".article-body strong").text()).isEqualTo("everywhere");
        assertThat(doc.select("nav.tags a").eachText()).containsExactly("Weather", "Floods");
        assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo(app.masthead.settings().baseUrl() + "/world/rio-floods");
        assertThat(doc.select("meta[property=og:title]").attr("content")).isEqualTo("Río floods: <what> we know");
        assertThat(doc.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(doc.select("meta[name=twitter:card]")).hasSize(1);

        String script = doc.select("script[type=application/ld+json]").first().data();
        assertThat(script).doesNotContain("<").doesNotContain(">").doesNotContain("&").contains("\\u003c");
        JsonNode ld = new ObjectMapper().readTree(script);
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asText()).isEqualTo("Río floods: <what> we know");
        assertThat(ld.get("author").get(0).get("@type").asText()).isEqualTo("Person");
        assertThat(ld.get("author").get(0).get("url").asText()).endsWith("/author/ada-reporter");
        assertThat(ld.get("publisher").get("@type").asText()).isEqualTo("Organization");
        assertThat(ld.get("publisher").get("name").asText()).isEqualTo("The Masthead Daily");
        assertThat(ld.get("datePublished").asText()).isNotBlank();
        assertThat(ld.get("dateModified").asText()).isNotBlank();
        assertThat(ld.get("mainEntityOfPage").get("@id").asText()).endsWith("/world/rio-floods");
    }

    @Test
    void anUpdatedArticleShowsItsUpdateTimeAndItsCorrections() {
        long id = publish(ArticleDraft.of("Budget vote delayed", "", "First version.", "world"));
        newsroom.save(id, 1, ArticleDraft.of("Budget vote delayed", "", "Second version.", "world"), null);
        newsroom.publish(id, null);
        newsroom.addCorrection(id, "An earlier version misstated the date of the vote.", null);
        Document doc = html(app.get("/world/budget-vote-delayed"));
        assertThat(doc.select(".updated").text()).startsWith("Updated");
        assertThat(doc.select(".updated time[datetime]")).hasSize(1);
        assertThat(doc.select(".corrections h2").text()).isEqualTo("Corrections");
        assertThat(doc.select(".corrections li").text()).contains("misstated the date");
        assertThat(doc.select(".corrections li time[datetime]")).hasSize(1);
    }

    @Test
    void aRepublishedArticleCreditsAndPointsItsCanonicalAtTheSource() {
        publish(new ArticleDraft("Partner report on harbours", "", "", "Text.", null, "world", List.of(), List.of(), "",
                "https://partner.example/harbours", "The Partner Gazette", "https://partner.example/harbours"));
        Document doc = html(app.get("/world/partner-report-on-harbours"));
        assertThat(doc.select(".attribution").text()).isEqualTo("Originally published by The Partner Gazette");
        assertThat(doc.select(".attribution a").attr("href")).isEqualTo("https://partner.example/harbours");
        assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo("https://partner.example/harbours");
    }

    @Test
    void aMovedArticleRedirectsPermanentlyToItsNewPath() {
        long id = publish(ArticleDraft.of("Old headline here", "", "Text.", "world"));
        newsroom.save(id, 1, new ArticleDraft("New headline", "", "", "Text.", null, "briefs", List.of(), List.of(), "new-headline", "", "", ""), null);
        newsroom.publish(id, null);
        var response = app.get("/world/old-headline-here");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/briefs/new-headline");
        assertThat(app.get("/briefs/new-headline").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnpublishedArticleIsA410PageAndAnUnknownOneA404Page() {
        long id = publish(ArticleDraft.of("Withdrawn story", "", "Text.", "world"));
        newsroom.unpublish(id);
        var gone = app.get("/world/withdrawn-story");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(html(gone).select("h1").text()).isEqualTo("This article has been removed");
        assertThat(gone.headers().firstValue("Cache-Control")).hasValue("no-store");
        var missing = app.get("/world/never-was");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(html(missing).select("h1").text()).isEqualTo("Page not found");
        assertThat(html(missing).select("nav[aria-label=Sections] a").eachText()).contains("World");
        assertThat(app.get("/no-such-section").statusCode()).isEqualTo(404);
        assertThat(app.get("/author/nobody").statusCode()).isEqualTo(404);
        assertThat(app.get("/tag/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void sectionFrontsArePaginatedAndPagesPastTheEndAreNotFound() {
        Document first = html(app.get("/briefs"));
        assertThat(first.select("h1").text()).isEqualTo("Briefs");
        assertThat(first.select(".teaser")).hasSize(Pages.PAGE_SIZE);
        assertThat(first.select(".pager a[rel=next]").attr("href")).isEqualTo("/briefs?page=2");
        assertThat(first.select(".pager a[rel=prev]")).isEmpty();
        Document third = html(app.get("/briefs?page=3"));
        assertThat(third.select(".teaser").size()).isBetween(5, 6);
        assertThat(third.select(".pager a[rel=prev]").attr("href")).isEqualTo("/briefs?page=2");
        assertThat(third.select(".pager a[rel=next]")).isEmpty();
        assertThat(third.select("link[rel=canonical]").attr("href")).endsWith("/briefs?page=3");
        assertThat(html(app.get("/briefs?page=2")).select(".pager a[rel=prev]").attr("href")).isEqualTo("/briefs");
        assertThat(app.get("/briefs?page=4").statusCode()).isEqualTo(404);
        assertThat(app.get("/briefs?page=999999").statusCode()).isEqualTo(404);
        for (String bad : List.of("0", "-1", "abc", "1.5", "99999999999999999999", "%00", "1%20OR%201=1", "%E2%98%83")) {
            assertThat(app.get("/briefs?page=" + bad).statusCode()).as("page=" + bad).isEqualTo(400);
        }
        assertThat(app.get("/briefs?page=").statusCode()).isEqualTo(200);
    }

    @Test
    void authorAndTagPagesListTheirArticles() {
        Document author = html(app.get("/author/ada-reporter"));
        assertThat(author.select("h1").text()).isEqualTo("Ada Reporter");
        assertThat(author.select(".intro").text()).isEqualTo("Covers the world.");
        assertThat(author.select(".teaser-title a").eachAttr("href")).contains("/world/rio-floods");
        Document tag = html(app.get("/tag/floods"));
        assertThat(tag.select("h1").text()).isEqualTo("Floods");
        assertThat(tag.select(".teaser-title a").eachAttr("href")).containsExactly("/world/rio-floods");
        assertThat(app.get("/tag/floods?page=2").statusCode()).isEqualTo(404);
        assertThat(app.get("/author/ada-reporter?page=-3").statusCode()).isEqualTo(400);
    }

    @Test
    void hostilePathsAreClientErrorsNeverServerErrors() {
        List<String> paths = List.of("/" + "a".repeat(10_000), "/world/" + "b".repeat(5_000), "/%00", "/world/%00",
                "/world/..%2F..%2Fetc%2Fpasswd", "/../../etc/passwd", "/%2e%2e/%2e%2e/", "/wörld", "/world/r%C3%ADo-floods",
                "/%F0%9F%92%A9/%F0%9F%92%A9", "/WORLD/RIO-FLOODS", "/author/%00", "/tag/..%2F", "/sitemaps/articles-0.xml",
                "/sitemaps/articles-99999999999.xml", "/sitemaps/..%2Fsitemap.xml", "/world/rss.xml%00", "/%ff%fe",
                "/author/ada-reporter?page=" + "9".repeat(3000), "/world?page=%00%00");
        for (String path : paths) {
            int status = send(path).statusCode();
            assertThat(status).as(path.length() > 80 ? path.substring(0, 80) + "…" : path).isBetween(400, 499);
        }
        assertThat(send("/world/rio-floods?x=%00&page=%00&q=" + "z".repeat(2000)).statusCode()).isEqualTo(200);
    }

    @Test
    void aRepeatRequestWithTheETagGetsA304() {
        var first = app.get("/world/rio-floods");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(Site.CACHE_CONTROL);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.headers().firstValue("Surrogate-Key").orElseThrow()).contains("article:" + floods);
        var again = app.send(HttpRequest.newBuilder(URI.create(app.url("/world/rio-floods"))).header("If-None-Match", etag).build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        var other = app.send(HttpRequest.newBuilder(URI.create(app.url("/world/rio-floods"))).header("If-None-Match", "\"nope\"").build());
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void pagesMakeNoThirdPartyRequestsAndCarryNoInlineScriptOrStyle() {
        for (String path : List.of("/", "/world", "/world/rio-floods", "/author/ada-reporter", "/tag/floods", "/world/nope")) {
            Document doc = html(app.get(path));
            // first-party scripts only: the shared form token, cookie consent and the ad filler on every page
            // (platform, consent, ads), and on article pages the comments loader (comments) and the appeal
            // (appeals); all external, hashed and empty
            assertThat(doc.select("script:not([type=application/ld+json]):not([src^=/assets/comments.js?v=]):not([src^=/assets/appeal.js?v=])"))
                    .as(path).hasSize(3)
                    .allMatch(script -> (script.attr("src").startsWith("/assets/consent.js?v=")
                            || script.attr("src").startsWith("/assets/csrf.js?v=")
                            || script.attr("src").startsWith("/assets/ads.js?v=")) && script.data().isEmpty());
            assertThat(doc.select("script[src]")).as(path).allSatisfy(s -> assertThat(s.html()).isEmpty());
            assertThat(doc.select("[style]")).as(path).isEmpty();
            assertThat(doc.select("link[rel=stylesheet]").attr("href")).as(path).startsWith("/assets/site.css");
            assertThat(doc.select("img[src^=http], link[rel=stylesheet][href^=http]")).as(path).isEmpty();
        }
    }

    @Test
    void theStylesheetHasAPrintVersion() {
        String css = app.get("/assets/site.css").body();
        assertThat(css).contains("@media print").contains("attr(href)").doesNotContain("@font-face").doesNotContain("@import");
    }

    @Test
    void otherRoutesStillWinOverTheCatchAllSectionPaths() {
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
    }

    static HttpResponse<String> send(String rawPath) {
        try {
            return app.send(HttpRequest.newBuilder(URI.create(app.url(rawPath))).GET().build());
        } catch (IllegalArgumentException e) {
            throw new AssertionError("bad test URI " + rawPath, e);
        }
    }
}
