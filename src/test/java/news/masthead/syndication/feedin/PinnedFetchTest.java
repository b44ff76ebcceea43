package news.masthead.syndication.feedin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fetcher connects to the address it checked, never to a second answer of the DNS. */
class PinnedFetchTest {
    private final FeedServer server = new FeedServer();
    private final int port = Integer.parseInt(server.url("/").replaceAll(".*:(\\d+)/$", "$1"));
    private final SafeFetcher.Limits limits = new SafeFetcher.Limits(100_000, 100_000, Duration.ofMillis(500), Duration.ofSeconds(2), 5);

    @AfterEach
    void stop() {
        server.close();
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A DNS that answers from a table, and counts how often it was asked. */
    private static final class Table implements SafeFetcher.Resolver {
        final Map<String, List<InetAddress[]>> answers = new ConcurrentHashMap<>();
        final List<String> asked = new CopyOnWriteArrayList<>();

        Table answer(String host, String... addresses) {
            answers.computeIfAbsent(host, h -> new CopyOnWriteArrayList<>())
                    .add(java.util.Arrays.stream(addresses).map(PinnedFetchTest::ip).toArray(InetAddress[]::new));
            return this;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            asked.add(host);
            List<InetAddress[]> list = answers.get(host);
            if (list == null) {
                throw new UnknownHostException(host);
            }
            int n = (int) asked.stream().filter(host::equals).count() - 1;
            return list.get(Math.min(n, list.size() - 1));
        }
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedBeforeAnyConnection() {
        Table dns = new Table().answer("news.example", "127.0.0.1");
        server.document("/feed", "application/rss+xml", "<rss/>");
        SafeFetcher fetcher = new SafeFetcher(limits, dns);
        assertThatThrownBy(() -> fetcher.get("http://news.example:" + port + "/feed", false, null, null, "*/*", 1000))
                .isInstanceOf(ImportFailure.class).hasMessageContaining("resolves to 127.0.0.1");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aRebindingDnsCannotSendTheFetchToLoopback() {
        // first answer public (checked), every later answer loopback: the connection must go to the first
        Table dns = new Table().answer("rebind.example", "203.0.113.10").answer("rebind.example", "127.0.0.1");
        server.document("/secret", "text/plain", "internal only");
        SafeFetcher fetcher = new SafeFetcher(limits, dns);
        assertThatThrownBy(() -> fetcher.get("http://rebind.example:" + port + "/secret", false, null, null, "*/*", 1000))
                .isInstanceOf(ImportFailure.class);
        assertThat(dns.asked).containsExactly("rebind.example");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void theHostHeaderCarriesTheNameWhileTheSocketGoesToTheCheckedAddress() throws ImportFailure {
        Table dns = new Table().answer("wire.internal", "127.0.0.1");
        List<String> hosts = new CopyOnWriteArrayList<>();
        server.on("/story", ex -> {
            hosts.add(ex.getRequestHeaders().getFirst("Host"));
            byte[] body = "<p>hello</p>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        SafeFetcher.Fetched f = new SafeFetcher(limits, dns).get("http://wire.internal:" + port + "/story", true, null, null, "*/*", 1000);
        assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");
        assertThat(f.contentType()).isEqualTo("text/html");
        assertThat(hosts).containsExactly("wire.internal:" + port);
    }

    /** The local test server stands in for a public host: only 127.0.0.1 itself counts as public here. */
    private static boolean localCountsAsPublic(InetAddress a) {
        return a.getHostAddress().equals("127.0.0.1") || SafeFetcher.isPublic(a);
    }

    @Test
    void everyRedirectHopIsResolvedAndCheckedAgain() {
        Table dns = new Table().answer("news.example", "127.0.0.1").answer("metadata.example", "169.254.169.254")
                .answer("sneaky.example", "127.0.0.2");
        server.status("/to-metadata", 302, "Location", "http://metadata.example/latest/meta-data/");
        server.status("/to-private", 301, "Location", "http://10.0.0.7/admin");
        server.status("/to-sneaky", 307, "Location", "http://sneaky.example:" + port + "/secret");
        server.document("/secret", "text/plain", "internal only");
        SafeFetcher fetcher = new SafeFetcher(limits, dns, PinnedFetchTest::localCountsAsPublic);
        String base = "http://news.example:" + port;
        assertThatThrownBy(() -> fetcher.get(base + "/to-metadata", false, null, null, "*/*", 1000))
                .hasMessageContaining("metadata.example resolves to 169.254.169.254");
        assertThatThrownBy(() -> fetcher.get(base + "/to-private", false, null, null, "*/*", 1000))
                .hasMessageContaining("10.0.0.7");
        assertThatThrownBy(() -> fetcher.get(base + "/to-sneaky", false, null, null, "*/*", 1000))
                .hasMessageContaining("127.0.0.2");
        assertThat(server.requests).containsExactly("/to-metadata", "/to-private", "/to-sneaky");
    }

    @Test
    void aRedirectLoopEndsWithAClearError() {
        Table dns = new Table().answer("news.example", "127.0.0.1");
        server.status("/a", 302, "Location", "/b");
        server.status("/b", 302, "Location", "/a");
        SafeFetcher fetcher = new SafeFetcher(limits, dns, PinnedFetchTest::localCountsAsPublic);
        assertThatThrownBy(() -> fetcher.get("http://news.example:" + port + "/a", false, null, null, "*/*", 1000))
                .hasMessageContaining("Redirect loop");
    }

    @Test
    void chunkedAndUnsizedBodiesAreReadAndCapped() throws ImportFailure {
        byte[] big = new byte[50_000];
        java.util.Arrays.fill(big, (byte) 'x');
        server.on("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // 0: chunked
            try (OutputStream out = ex.getResponseBody()) {
                out.write(big);
            }
        });
        SafeFetcher fetcher = new SafeFetcher(limits, host -> new InetAddress[]{ip(host)});
        assertThat(fetcher.get(server.url("/chunked"), true, null, null, "*/*", 60_000).body()).hasSize(50_000);
        assertThatThrownBy(() -> fetcher.get(server.url("/chunked"), true, null, null, "*/*", 10_000))
                .hasMessageContaining("too large");
    }

    @Test
    void aSlowTrickleRunsIntoTheTotalTimeout() {
        server.on("/slow", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SafeFetcher fetcher = new SafeFetcher(limits, host -> new InetAddress[]{ip(host)});
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.get(server.url("/slow"), true, null, null, "*/*", 10_000))
                .hasMessageContaining("Timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void oneFetcherServesManyThreadsAtOnce() throws Exception {
        server.document("/a", "text/plain", "a");
        server.document("/b", "text/plain", "b");
        SafeFetcher fetcher = new SafeFetcher(limits, host -> new InetAddress[]{ip(host)});
        AtomicInteger ok = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String path = i % 2 == 0 ? "/a" : "/b";
                futures.add(pool.submit(() -> {
                    SafeFetcher.Fetched f = fetcher.get(server.url(path), true, null, null, "*/*", 1000);
                    assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(path.substring(1));
                    ok.incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(ok).hasValue(40);
    }

    @Test
    void thePublicFormRefusesWithAReadableReason() {
        WebFetch fetch = new WebFetch(new WebFetch.Limits(1000, Duration.ofMillis(500), Duration.ofSeconds(2), 3), false,
                new Table().answer("cdn.example", "192.168.1.20"));
        assertThatThrownBy(() -> fetch.get("http://cdn.example/a.jpg", "image/*"))
                .isInstanceOf(WebFetch.Refused.class).hasMessageContaining("192.168.1.20");
        assertThatThrownBy(() -> fetch.get("file:///etc/passwd", "image/*")).isInstanceOf(WebFetch.Refused.class);
    }
}
