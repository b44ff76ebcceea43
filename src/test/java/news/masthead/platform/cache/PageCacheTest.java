package news.masthead.platform.cache;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCacheTest {
    static final String HTML = "text/html; charset=utf-8";

    static byte[] page(String text, int repeat) {
        return text.repeat(repeat).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStoredPageComesBackWithAStrongEtagAndAGzipCopyOfTheSameBytes() throws IOException {
        PageCache cache = new PageCache();
        byte[] body = page("<p>The council voted.</p>", 100);
        cache.put("anonymous|/", HTML, body, Set.of("home"));
        CachedPage page = cache.get("anonymous|/");
        assertThat(page.body()).isEqualTo(body);
        assertThat(page.etag()).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        assertThat(page.gzipBody()).isNotNull().hasSizeLessThan(body.length);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(page.gzipBody()))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(page.cacheControl()).isEqualTo(PageCache.DEFAULT_CACHE_CONTROL);
    }

    @Test
    void theEtagFollowsTheBytesAndNothingElse() {
        PageCache cache = new PageCache();
        String a = cache.put("a", HTML, page("x", 10), Set.of()).etag();
        String b = cache.put("b", HTML, page("x", 10), Set.of("home")).etag();
        String c = cache.put("c", HTML, page("y", 10), Set.of()).etag();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void aTinyPageHasNoGzipCopy() {
        PageCache cache = new PageCache();
        assertThat(cache.put("k", HTML, page("ok", 1), Set.of()).gzipBody()).isNull();
    }

    @Test
    void incompressibleBytesHaveNoGzipCopy() {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        assertThat(new PageCache().put("k", "image/png", noise, Set.of()).gzipBody()).isNull();
    }

    @Test
    void invalidatingASurrogateKeyDropsExactlyThePagesThatCarryIt() {
        PageCache cache = new PageCache();
        cache.put("anonymous|/", HTML, page("home", 10), Set.of("home", "article:42"));
        cache.put("member|/", HTML, page("home", 11), Set.of("home", "article:42"));
        cache.put("anonymous|/world", HTML, page("world", 10), Set.of("section:world", "article:420"));
        cache.invalidate("article:42");
        assertThat(cache.get("anonymous|/")).isNull();
        assertThat(cache.get("member|/")).isNull();
        assertThat(cache.get("anonymous|/world")).isNotNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void invalidatingEverythingEmptiesTheCacheAndItsByteCount() {
        PageCache cache = new PageCache();
        cache.put("a", HTML, page("a", 1000), Set.of("home"));
        cache.put("b", HTML, page("b", 1000), Set.of());
        cache.invalidateAll();
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void replacingAPageDoesNotCountItsBytesTwice() {
        PageCache cache = new PageCache();
        cache.put("a", HTML, page("a", 1000), Set.of());
        long once = cache.bytes();
        cache.put("a", HTML, page("a", 1000), Set.of());
        assertThat(cache.bytes()).isEqualTo(once);
    }

    @Test
    void theLeastRecentlyServedPagesGoWhenTheBudgetIsExceeded() throws InterruptedException {
        PageCache cache = new PageCache(10_000, PageCache.DEFAULT_CACHE_CONTROL);
        byte[] body = new byte[2000];
        new java.util.Random(1).nextBytes(body); // incompressible: the weight is the body
        for (int i = 0; i < 4; i++) {
            cache.put("p" + i, HTML, body, Set.of());
            Thread.sleep(2);
        }
        cache.get("p0").lastUsed = System.nanoTime(); // p0 was just served: p1 is now the oldest
        cache.put("p4", HTML, body, Set.of());
        cache.put("p5", HTML, body, Set.of());
        assertThat(cache.bytes()).isLessThanOrEqualTo(10_000);
        assertThat(cache.get("p1")).isNull();
        assertThat(cache.get("p0")).isNotNull();
        assertThat(cache.get("p5")).isNotNull();
        assertThat(cache.evictions()).isPositive();
    }

    @Test
    void aPageLargerThanTheWholeBudgetIsNotKept() {
        PageCache cache = new PageCache(1000, PageCache.DEFAULT_CACHE_CONTROL);
        cache.put("big", "application/octet-stream", new byte[5000], Set.of());
        assertThat(cache.get("big")).isNull();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void surrogateKeysThatCouldBreakAHeaderOrAPayloadAreRefused() {
        PageCache cache = new PageCache();
        for (String bad : new String[] {"", "two words", "line\r\nX-Evil: 1", "a,b", "*", "café", "x".repeat(201)}) {
            assertThatThrownBy(() -> cache.put("k", HTML, page("x", 1), Set.of(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(cache.size()).isZero();
    }

    @Test
    void manyThreadsPuttingAndInvalidatingKeepTheByteCountTrue() throws Exception {
        PageCache cache = new PageCache(200_000, PageCache.DEFAULT_CACHE_CONTROL);
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                executor.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        cache.put("k" + (i % 50), HTML, page("page " + thread, 100 + i % 7), Set.of("s" + (i % 5)));
                        if (i % 37 == 0) {
                            cache.invalidate("s" + (i % 5));
                        }
                        cache.get("k" + (i % 13));
                    }
                });
            }
        }
        long counted = 0;
        for (int i = 0; i < 50; i++) {
            CachedPage p = cache.get("k" + i);
            counted += p == null ? 0 : p.weight;
        }
        assertThat(cache.bytes()).isEqualTo(counted).isLessThanOrEqualTo(200_000);
    }
}
