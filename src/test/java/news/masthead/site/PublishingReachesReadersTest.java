package news.masthead.site;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.testing.Eventually;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Cached public pages follow the newsroom: what is published reaches every list, feed and search at once. */
class PublishingReachesReadersTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Newsroom newsroom = app.masthead.newsroom();

    static {
        newsroom.saveSection(null, "world", "World", "", 1);
        long first = newsroom.create(ArticleDraft.of("Glacier retreat measured", "Survey", "The glacier shrank again.", "world"), null);
        newsroom.publish(first, null);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aPublishedArticleIsOnTheHomePageSectionFeedsAndSearchWithinASecond() {
        for (String path : new String[] {"/", "/world", "/rss.xml", "/world/rss.xml", "/feed.json", "/atom.xml"}) {
            assertThat(app.get(path).statusCode()).as(path).isEqualTo(200); // now cached
        }
        long id = newsroom.create(ArticleDraft.of("Lighthouse keepers return", "A new rota", "Keepers are back on the rock.", "world"), null);
        newsroom.publish(id, null);
        Instant published = Instant.now();
        for (String path : new String[] {"/", "/world", "/rss.xml", "/world/rss.xml", "/feed.json", "/atom.xml", "/search?q=lighthouse"}) {
            // search highlights the matched word, so look for the article's address rather than its headline
            Eventually.awaitTrue(path, () -> app.get(path).body().contains("/world/lighthouse-keepers-return"));
        }
        assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRepeatRequestIsServedFromTheCacheWithGzipAndEtag() {
        long hitsBefore = app.masthead.pageCache().hits();
        var first = app.send(HttpRequest.newBuilder(URI.create(app.url("/world"))).header("Accept-Encoding", "gzip").build());
        var second = app.send(HttpRequest.newBuilder(URI.create(app.url("/world"))).header("Accept-Encoding", "gzip").build());
        assertThat(second.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(app.masthead.pageCache().hits()).isGreaterThan(hitsBefore);
        var notModified = app.send(HttpRequest.newBuilder(URI.create(app.url("/world")))
                .header("If-None-Match", second.headers().firstValue("ETag").orElseThrow()).header("Accept-Encoding", "gzip").build());
        assertThat(notModified.statusCode()).isEqualTo(304);
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() {
        HttpResponse<String> head = app.send(HttpRequest.newBuilder(URI.create(app.url("/rss.xml")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/rss+xml"));
        assertThat(head.body()).isEmpty();
        assertThat(app.send(HttpRequest.newBuilder(URI.create(app.url("/no-such-section")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(404);
    }
}
