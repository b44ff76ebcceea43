package news.masthead.admin;

import com.fasterxml.jackson.databind.JsonNode;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ContentApiTest {
    static final AdminServer server = AdminServer.start();
    static final Newsroom newsroom = server.newsroom;
    static final long draft;

    static {
        newsroom.saveSection(null, "world", "World", "", 1);
        for (int i = 1; i <= 5; i++) {
            long id = newsroom.create(ArticleDraft.of("Story " + i, "", "Body " + i + " <script>x</script>", "world"), null);
            newsroom.publish(id, null);
            server.node.clock.advance(Duration.ofMinutes(1));
        }
        draft = newsroom.create(ArticleDraft.of("Secret draft", "", "not yet", "world"), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode get(String path) {
        var response = server.api("GET", path, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return server.json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void publishedArticlesComeNewestFirstInPagesWithANextLink() {
        JsonNode first = get("/api/v1/articles?pageSize=2");
        assertThat(first.get("total").asInt()).isEqualTo(5);
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("headline").asText()).isEqualTo("Story 5");
        String next = first.get("next").asText();
        assertThat(next).endsWith("/api/v1/articles?pageSize=2&page=2");
        JsonNode second = get(URI.create(next).getPath() + "?" + URI.create(next).getQuery());
        assertThat(second.get("items").get(0).get("headline").asText()).isEqualTo("Story 3");
        JsonNode last = get("/api/v1/articles?pageSize=2&page=3");
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("next").isNull()).isTrue();
        assertThat(get("/api/v1/articles?page=9").get("items")).isEmpty();
        assertThat(get("/api/v1/articles").toString()).doesNotContain("Secret draft");
    }

    @Test
    void oneArticleCarriesItsSanitizedBody() {
        long id = get("/api/v1/articles?pageSize=1").get("items").get(0).get("id").asLong();
        JsonNode article = get("/api/v1/articles/" + id);
        assertThat(article.get("bodyHtml").asText()).contains("Body 5").doesNotContain("<script");
        assertThat(article.get("url").asText()).startsWith(server.node.masthead.settings().baseUrl() + "/world/");
    }

    @Test
    void draftsUnknownAndNonNumericIdsAreNotFound() {
        assertThat(server.api("GET", "/api/v1/articles/" + draft, null, null).statusCode()).isEqualTo(404);
        assertThat(server.api("GET", "/api/v1/articles/abc", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aPageSizeOverTheLimitOrNotANumberIsA400NamingIt() {
        var tooBig = server.api("GET", "/api/v1/articles?pageSize=101", null, null);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("\"field\":\"pageSize\"");
        assertThat(server.api("GET", "/api/v1/articles?page=x", null, null).body()).contains("\"field\":\"page\"");
    }
}
