package news.masthead.admin;

import com.fasterxml.jackson.databind.JsonNode;
import news.masthead.newsroom.ArticleLookup;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AdminApiTest {
    static final AdminServer server = AdminServer.start();
    static final Newsroom newsroom = server.newsroom;
    static final String TOKEN = AdminServer.TOKEN;

    static {
        newsroom.saveSection(null, "world", "World", "", 1);
        newsroom.saveAuthor(null, "jane-doe", "Jane Doe", "", null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return server.json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private static long create(String headline) {
        var response = server.api("POST", "/api/admin/v1/articles", """
                {"headline": "%s", "standfirst": "S", "body": "Body **text**", "section": "world"}""".formatted(headline), TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asLong();
    }

    @Test
    void anArticleCreatedAndPublishedThroughTheApiIsLiveAtItsUrl() {
        var created = server.api("POST", "/api/admin/v1/articles", """
                {"headline": "Port strike ends", "standfirst": "Deal reached", "body": "Workers **return**", "section": "world",
                 "tags": ["Ports", "Labour"], "authors": ["jane-doe"], "sourceName": "Wire", "sourceUrl": "https://wire.example/1"}""", TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("status").asText()).isEqualTo("draft");
        assertThat(body.get("revision").asInt()).isEqualTo(1);
        assertThat(body.get("url").asText()).isEqualTo(server.node.masthead.settings().baseUrl() + "/world/port-strike-ends");
        assertThat(body.get("authors").get(0).asText()).isEqualTo("jane-doe");
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        long id = body.get("id").asLong();

        var published = server.api("POST", "/api/admin/v1/articles/" + id + "/publish", null, TOKEN);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(json(published).get("status").asText()).isEqualTo("published");
        assertThat(newsroom.lookup("world", "port-strike-ends")).isInstanceOf(ArticleLookup.Live.class);
        var page = server.node.get(URI.create(body.get("url").asText()).getPath());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Port strike ends");
        assertThat(server.api("GET", "/api/admin/v1/articles/" + id, null, TOKEN).body()).contains("\"publishedRevision\":1");
    }

    @Test
    void malformedJsonIsA400NamingTheBody() {
        var response = server.api("POST", "/api/admin/v1/articles", "{\"headline\": ", TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("field").asText()).isEqualTo("body");
        assertThat(server.api("POST", "/api/admin/v1/articles", "[1, 2]", TOKEN).statusCode()).isEqualTo(400);
        assertThat(server.api("POST", "/api/admin/v1/articles", "", TOKEN).statusCode()).isEqualTo(400);
        assertThat(server.api("POST", "/api/admin/v1/articles", "null", TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void aWrongTypeIsA400NamingTheField() {
        var response = server.api("POST", "/api/admin/v1/articles",
                "{\"headline\": 5, \"standfirst\": \"\", \"body\": \"\", \"section\": \"world\"}", TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("field").asText()).isEqualTo("headline");
        var tags = server.api("POST", "/api/admin/v1/articles",
                "{\"headline\": \"H\", \"standfirst\": \"\", \"body\": \"\", \"section\": \"world\", \"tags\": [\"ok\", 7]}", TOKEN);
        assertThat(json(tags).get("field").asText()).isEqualTo("tags[1]");
        var photo = server.api("POST", "/api/admin/v1/articles",
                "{\"headline\": \"H\", \"standfirst\": \"\", \"body\": \"\", \"section\": \"world\", \"leadPhotoId\": \"12\"}", TOKEN);
        assertThat(json(photo).get("field").asText()).isEqualTo("leadPhotoId");
    }

    @Test
    void anUnknownFieldIsA400NamingIt() {
        var response = server.api("POST", "/api/admin/v1/articles",
                "{\"headline\": \"H\", \"standfirst\": \"\", \"body\": \"\", \"section\": \"world\", \"colour\": \"red\"}", TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("field").asText()).isEqualTo("colour");
        assertThat(json(response).get("error").asText()).contains("colour");
    }

    @Test
    void aMissingHeadlineOrUnknownSectionOrAuthorIsA400NamingIt() {
        var missing = server.api("POST", "/api/admin/v1/articles", "{\"standfirst\": \"\", \"body\": \"\", \"section\": \"world\"}", TOKEN);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("field").asText()).isEqualTo("headline");
        var blank = server.api("POST", "/api/admin/v1/articles", "{\"headline\": \"  \", \"standfirst\": \"\", \"body\": \"\", \"section\": \"world\"}", TOKEN);
        assertThat(json(blank).get("field").asText()).isEqualTo("headline");
        var section = server.api("POST", "/api/admin/v1/articles", "{\"headline\": \"H\", \"standfirst\": \"\", \"body\": \"\", \"section\": \"mars\"}", TOKEN);
        assertThat(json(section).get("field").asText()).isEqualTo("section");
        var author = server.api("POST", "/api/admin/v1/articles",
                "{\"headline\": \"H\", \"standfirst\": \"\", \"body\": \"\", \"section\": \"world\", \"authors\": [\"jane-doe\", \"nobody\"]}", TOKEN);
        assertThat(json(author).get("field").asText()).isEqualTo("authors[1]");
    }

    @Test
    void aBodyOverOneMegabyteIsRefused() {
        String huge = "{\"headline\": \"H\", \"standfirst\": \"\", \"section\": \"world\", \"body\": \"" + "x".repeat(1_100_000) + "\"}";
        assertThat(server.api("POST", "/api/admin/v1/articles", huge, TOKEN).statusCode()).isEqualTo(413);
    }

    @Test
    void noTokenOrABadTokenIsA401InJson() {
        var none = server.api("POST", "/api/admin/v1/articles", "{}", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json(none).has("error")).isTrue();
        assertThat(server.api("GET", "/api/admin/v1/articles/1", null, "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void anUpdateNeedsItsBaseRevisionAndIsRefusedWhenStale() {
        long id = create("Tram line opens");
        String update = "{\"headline\": \"Tram line opens today\", \"standfirst\": \"S\", \"body\": \"New\", \"section\": \"world\"%s}";
        var noBase = server.api("PUT", "/api/admin/v1/articles/" + id, update.formatted(""), TOKEN);
        assertThat(noBase.statusCode()).isEqualTo(428);
        assertThat(json(noBase).get("field").asText()).isEqualTo("baseRevision");

        var ok = server.api("PUT", "/api/admin/v1/articles/" + id, update.formatted(""), TOKEN, "If-Match", "\"1\"");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("revision").asInt()).isEqualTo(2);
        assertThat(ok.headers().firstValue("ETag")).contains("\"2\"");

        var stale = server.api("PUT", "/api/admin/v1/articles/" + id, update.formatted(", \"baseRevision\": 1"), TOKEN);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("error").asText()).contains("revision 2");
        assertThat(server.api("PUT", "/api/admin/v1/articles/" + id, update.formatted(""), TOKEN, "If-Match", "nope").statusCode())
                .isEqualTo(400);
    }

    @Test
    void nonNumericOrUnknownIdsAreNotFound() {
        assertThat(server.api("GET", "/api/admin/v1/articles/abc", null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(server.api("POST", "/api/admin/v1/articles/123456789/publish", null, TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void aScheduledArticleGoesLiveWhenTheClockPassesItsTime() {
        long id = create("Budget at noon");
        var bad = server.api("POST", "/api/admin/v1/articles/" + id + "/schedule", "{\"publishAt\": \"tomorrow\"}", TOKEN);
        assertThat(json(bad).get("field").asText()).isEqualTo("publishAt");
        var past = server.api("POST", "/api/admin/v1/articles/" + id + "/schedule", "{\"publishAt\": \"2000-01-01T00:00:00Z\"}", TOKEN);
        assertThat(past.statusCode()).isEqualTo(400);
        String at = server.node.clock.instant().plus(Duration.ofMinutes(30)).toString();
        var scheduled = server.api("POST", "/api/admin/v1/articles/" + id + "/schedule", "{\"publishAt\": \"" + at + "\"}", TOKEN);
        assertThat(scheduled.statusCode()).isEqualTo(200);
        assertThat(json(scheduled).get("status").asText()).isEqualTo("scheduled");
        server.node.clock.advance(Duration.ofMinutes(31));
        newsroom.publishDue();
        assertThat(newsroom.article(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
        var unpublished = server.api("POST", "/api/admin/v1/articles/" + id + "/unpublish", null, TOKEN);
        assertThat(json(unpublished).get("status").asText()).isEqualTo("unpublished");
    }
}
