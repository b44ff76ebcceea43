package news.masthead.partners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.web.Json;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerApiTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Newsroom newsroom = app.masthead.newsroom();
    static final Partners partners = app.masthead.partners();
    static final ObjectMapper json = Json.mapper();
    static final String TOKEN;
    static final Partner ledger;

    static {
        newsroom.saveSection(null, "partners", "From our partners", "", 9);
        TOKEN = app.masthead.accounts().createApiToken("ledger-cms");
        ledger = partners.create(new PartnerDraft("ledger", "The Lakeside Ledger", "https://ledger.example", null,
                "Republished by agreement; no syndication onwards", "partners", "", false));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> put(String slug, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/api/admin/v1/partners/" + slug + "/articles")))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return app.send(request.build());
    }

    static HttpResponse<String> post(String path, String contentType, String body) {
        return app.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    static String story(String guid, String headline, String body) {
        return """
                {"guid": "%s", "url": "https://ledger.example/news/%s", "headline": "%s", "standfirst": "From the lake shore.",
                 "body": "%s", "byline": "Ana Costa", "publishedAt": "2026-11-20T09:30:00Z"}""".formatted(guid, guid, headline, body);
    }

    @Test
    void theApiNeedsAToken() {
        HttpResponse<String> none = put("ledger", story("g-0", "Ferry times", "Text."), null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(put("ledger", story("g-0", "Ferry times", "Text."), "not-a-token").statusCode()).isEqualTo(401);
        assertThat(partners.article(ledger.id(), "g-0")).isEmpty();
    }

    @Test
    void aStoryIsCreatedOnceByGuidAndAChangeMakesANewRevision() {
        HttpResponse<String> created = put("ledger", story("g-1", "New ferry timetable", "Boats leave *earlier*."), TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode first = body(created);
        long id = first.get("articleId").asLong();
        assertThat(first.get("outcome").asText()).isEqualTo("created");
        assertThat(first.get("status").asText()).isEqualTo("published");
        assertThat(first.get("revision").asInt()).isEqualTo(1);

        HttpResponse<String> again = put("ledger", story("g-1", "New ferry timetable", "Boats leave *earlier*."), TOKEN);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).get("outcome").asText()).isEqualTo("unchanged");
        assertThat(body(again).get("articleId").asLong()).isEqualTo(id);

        HttpResponse<String> changed = put("ledger", story("g-1", "New ferry timetable", "Boats leave *earlier*, and later too."), TOKEN);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(body(changed).get("outcome").asText()).isEqualTo("updated");
        assertThat(body(changed).get("revision").asInt()).isEqualTo(2);
        assertThat(newsroom.revisions(id)).hasSize(2);
        assertThat(newsroom.live(id).orElseThrow().bodyHtml()).contains("and later too");
        assertThat(newsroom.countArticles(null, "New ferry timetable")).isEqualTo(1);

        var fetched = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/admin/v1/partners/ledger/articles?guid=g-1")))
                .header("Authorization", "Bearer " + TOKEN).GET().build());
        assertThat(body(fetched).get("articleId").asLong()).isEqualTo(id);
    }

    @Test
    void theArticlePageSaysFromThePartnerWithTheirBylineAndACanonicalLink() {
        long id = body(put("ledger", story("g-2", "Swimmers return to the lake", "The water is *clean* again."), TOKEN)).get("articleId").asLong();
        String page = app.get(newsroom.article(id).path()).body();
        assertThat(page).contains("From The Lakeside Ledger", "By Ana Costa",
                "<link rel=\"canonical\" href=\"https://ledger.example/news/g-2\">",
                "href=\"https://ledger.example/news/g-2\"");
        assertThat(app.get("/partners").body()).contains("From The Lakeside Ledger");
        assertThat(partners.requirementOf(id)).contains("partner:ledger");
        long own = newsroom.create(news.masthead.newsroom.ArticleDraft.of("Our own story", "S", "B", "partners"), null);
        assertThat(partners.requirementOf(own)).isEmpty();
        assertThat(partners.labels(own)).isEmpty();
    }

    @Test
    void badStoriesAreRefusedNamingTheFieldAndNothingIsStored() {
        HttpResponse<String> noHeadline = put("ledger", story("g-3", "", "Text."), TOKEN);
        assertThat(noHeadline.statusCode()).isEqualTo(400);
        assertThat(noHeadline.body()).contains("headline");
        HttpResponse<String> badUrl = put("ledger", """
                {"guid": "g-3", "url": "javascript:alert(1)", "headline": "H", "body": "B"}""", TOKEN);
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).contains("\"url\"");
        HttpResponse<String> unknown = put("ledger", """
                {"guid": "g-3", "url": "https://ledger.example/x", "headline": "H", "body": "B", "author": "X"}""", TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("author");
        HttpResponse<String> wrongType = put("ledger", """
                {"guid": 5, "url": "https://ledger.example/x", "headline": "H", "body": "B"}""", TOKEN);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("guid");
        HttpResponse<String> date = put("ledger", """
                {"guid": "g-3", "url": "https://ledger.example/x", "headline": "H", "body": "B", "publishedAt": "yesterday"}""", TOKEN);
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("publishedAt");
        assertThat(put("ledger", "{not json", TOKEN).statusCode()).isEqualTo(400);
        assertThat(put("ledger", "[]", TOKEN).statusCode()).isEqualTo(400);
        assertThat(put("ledger", "", TOKEN).statusCode()).isEqualTo(400);
        assertThat(post("/api/admin/v1/partners/ledger/articles/remove", "text/plain", "guid=g-3").statusCode()).isEqualTo(415);
        assertThat(put("nobody", story("g-3", "H", "B"), TOKEN).statusCode()).isEqualTo(404);
        assertThat(partners.article(ledger.id(), "g-3")).isEmpty();
    }

    @Test
    void aStoryThePartnerRemovesIsTakenDownAndComesBackWhenSentAgain() {
        long id = body(put("ledger", story("g-4", "Harbour wall repaired", "Stones *replaced*."), TOKEN)).get("articleId").asLong();
        String path = newsroom.article(id).path();
        assertThat(app.get(path).statusCode()).isEqualTo(200);

        HttpResponse<String> removed = post("/api/admin/v1/partners/ledger/articles/remove", "application/json", "{\"guid\": \"g-4\"}");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(body(removed).get("outcome").asText()).isEqualTo("removed");
        assertThat(newsroom.article(id).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(app.get(path).statusCode()).isEqualTo(410);
        assertThat(post("/api/admin/v1/partners/ledger/articles/remove", "application/json", "{\"guid\": \"nope\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> back = put("ledger", story("g-4", "Harbour wall repaired", "Stones *replaced*."), TOKEN);
        assertThat(body(back).get("outcome").asText()).isEqualTo("updated");
        assertThat(app.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void adminsManagePartnersAndBadSettingsNameTheField() {
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        HttpResponse<String> bad = admin.post("/admin/partners", Map.of("name", "Valley Voice", "slug", "Valley Voice",
                "siteUrl", "https://valley.example", "logoPhotoId", "", "licence", "", "section", "partners", "feedUrl", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("lower-case letters");
        HttpResponse<String> ok = admin.post("/admin/partners", Map.of("name", "Valley Voice", "slug", "valley-voice",
                "siteUrl", "https://valley.example", "logoPhotoId", "", "licence", "CC BY 4.0", "section", "partners", "feedUrl", ""));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        assertThat(admin.get("/admin/partners").body()).contains("Valley Voice", "partner:valley-voice", "no feed");
        assertThat(admin.post("/admin/partners", Map.of("name", "Again", "slug", "valley-voice", "siteUrl", "https://v.example",
                "logoPhotoId", "", "licence", "", "section", "partners", "feedUrl", "")).statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/partners", Map.of("name", "Feedy", "slug", "feedy", "siteUrl", "https://v.example",
                "logoPhotoId", "", "licence", "", "section", "partners", "feedUrl", "file:///etc/passwd")).body()).contains("feed");
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        assertThat(editor.post("/admin/partners", Map.of("name", "E", "slug", "e", "siteUrl", "https://e.example",
                "logoPhotoId", "", "licence", "", "section", "partners", "feedUrl", "")).statusCode()).isEqualTo(403);
    }

    @Test
    void aPartnersStoryIsGatedByThatPartnersEntitlement() {
        app.masthead.membership().ensureDemoPlans(); // the demo plans grant partner:the-partner
        partners.create(new PartnerDraft("the-partner", "The Partner", "https://partner.example", null, "By agreement", "partners", "", false));
        String secret = "Only the partner's readers learn that the ferry will run all winter.";
        HttpResponse<String> created = put("the-partner", story("gate-1", "Winter ferry", "One.\\n\\nTwo.\\n\\nThree.\\n\\n" + secret), TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = body(created).get("articleId").asLong();
        assertThat(partners.requirementOf(id)).contains("partner:the-partner");
        String path = newsroom.live(id).orElseThrow().path();

        HttpResponse<String> anonymous = app.get(path);
        assertThat(anonymous.body()).doesNotContain(secret).contains("join-box").contains("From The Partner");
        assertThat(app.get("/feed.json").body()).doesNotContain(secret);

        var reader = news.masthead.comments.SignedInReader.signIn(app, "ledger-reader@example.org", null);
        var plan = app.masthead.membership().activePlans().getFirst();
        app.masthead.membership().grantComplimentary(reader.reader().id(), plan.id(), app.clock.instant().plus(java.time.Duration.ofDays(30)), "test");
        HttpResponse<String> member = app.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Cookie", "mh_reader=" + reader.session()).build());
        assertThat(member.body()).contains(secret).doesNotContain("join-box");
    }
}
