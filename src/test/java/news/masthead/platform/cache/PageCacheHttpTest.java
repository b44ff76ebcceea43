package news.masthead.platform.cache;

import io.javalin.Javalin;
import news.masthead.platform.web.WebError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache behind a real HTTP server, through a test-only route that renders a counted page. */
class PageCacheHttpTest {
    static final PageCache cache = new PageCache();
    static final AtomicInteger renders = new AtomicInteger();
    static final String ARTICLE = "<!doctype html><title>Flood</title><p>The river rose overnight.</p>".repeat(40);
    static final Javalin server = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.jetty.port = 0;
        config.router.ignoreTrailingSlashes = true;
        config.routes.exception(WebError.class, (e, ctx) -> ctx.status(e.status()).result(e.getMessage()));
        io.javalin.http.Handler article = ctx -> cache.getOrRender(ctx, PageCache.key(ctx, "anonymous", "page"),
                Set.of("article:42", "home"), () -> {
                    renders.incrementAndGet();
                    return Rendered.html(ARTICLE + ctx.queryParam("page"));
                });
        config.routes.get("/article", article);
        config.routes.head("/article", article);
        config.routes.get("/missing", ctx -> cache.getOrRender(ctx, PageCache.key(ctx, "anonymous"), Set.of(), () -> {
            renders.incrementAndGet();
            throw WebError.notFound();
        }));
        config.routes.get("/racing", ctx -> cache.getOrRender(ctx, PageCache.key(ctx, "anonymous"), Set.of("article:7"), () -> {
            Rendered old = Rendered.html("<p>before the edit</p>");
            cache.invalidate("article:7"); // the edit lands while this render is under way
            return old;
        }));
    }).start();
    static final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void empty() {
        cache.invalidateAll();
        renders.set(0);
    }

    static HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSecondRequestIsServedFromTheCacheWithTheSameBytesAndHeaders() {
        long hits = cache.hits();
        var first = get("/article");
        var second = get("/article");
        assertThat(renders).hasValue(1);
        assertThat(cache.hits()).isEqualTo(hits + 1);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).startsWith("<!doctype html>");
        assertThat(second.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(second.headers().firstValueAsLong("Content-Length")).hasValue(second.body().length);
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("public, max-age=60, stale-while-revalidate=300");
        assertThat(second.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(second.headers().firstValue("Surrogate-Key")).hasValue("article:42 home");
        assertThat(second.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aMatchingIfNoneMatchGets304WithoutABody() {
        String etag = get("/article").headers().firstValue("ETag").orElseThrow();
        var revalidated = get("/article", "If-None-Match", "\"other\", " + etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/article", "If-None-Match", "\"stale\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aClientThatTakesGzipGetsThePrecompressedCopyWithItsOwnEtag() throws IOException {
        var plain = get("/article");
        var zipped = get("/article", "Accept-Encoding", "br, gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValueAsLong("Content-Length")).hasValue(zipped.body().length);
        assertThat(zipped.body().length).isLessThan(plain.body().length / 5);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        String gzipEtag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipEtag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
        assertThat(get("/article", "Accept-Encoding", "gzip", "If-None-Match", gzipEtag).statusCode()).isEqualTo(304);
        assertThat(get("/article", "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(renders).hasValue(1);
    }

    @Test
    void onlyTheSignificantQueryParameterMakesANewPage() {
        get("/article");
        get("/article/");
        get("/article?utm_source=newsletter&page=");
        get("/article?cachebuster=123");
        assertThat(renders).hasValue(2); // "/article" and "/article?page="
        get("/article?page=2");
        get("/article?page=2&x=1");
        assertThat(renders).hasValue(3);
        assertThat(new String(get("/article?page=2").body(), StandardCharsets.UTF_8)).endsWith("2");
    }

    @Test
    void invalidatingTheArticleMakesTheNextRequestRenderAgain() {
        get("/article");
        cache.invalidate("section:world");
        get("/article");
        assertThat(renders).hasValue(1);
        cache.invalidate("article:42");
        get("/article");
        assertThat(renders).hasValue(2);
    }

    @Test
    void aFailedRenderIsNotCached() {
        assertThat(get("/missing").statusCode()).isEqualTo(404);
        assertThat(get("/missing").statusCode()).isEqualTo(404);
        assertThat(renders).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aPageRenderedWhileItsContentChangedIsServedButNotKept() {
        var response = get("/racing");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("before the edit");
        assertThat(cache.get("anonymous|/racing")).isNull();
    }

    @Test
    void aHeadRequestGetsTheHeadersWithoutTheBody() throws Exception {
        get("/article");
        var head = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/article"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(ARTICLE.length() + "null".length());
        assertThat(head.body()).isEmpty();
    }
}
