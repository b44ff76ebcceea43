package news.masthead.platform.metrics;

import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {
    static final String TOKEN = "scrape-me-4f9a";
    static final RunningMasthead app = RunningMasthead.start(TestDatabases.fresh(), Map.of("MASTHEAD_METRICS_TOKEN", TOKEN));

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> metrics(String authorization, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/metrics"))).header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return app.send(request.GET().build());
    }

    @Test
    void withoutCredentialsTheMetricsAreRefusedWith401() {
        var response = metrics(null, "application/json");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).contains("\"status\":401").doesNotContain("jvm_");
    }

    @Test
    void aWrongTokenIsRefusedWith403() {
        assertThat(metrics("Bearer scrape-me-4f9b", "text/html").statusCode()).isEqualTo(403);
        assertThat(metrics("Bearer ", "text/html").statusCode()).as("an empty bearer offers nothing").isEqualTo(401);
        assertThat(metrics("Basic " + TOKEN, "text/html").statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenHolderReadsRequestsPoolCacheAndJvmInPrometheusFormat() {
        app.get("/healthz");
        // every GET path is some public route now (old addresses are looked up), so use a POST nobody routes
        app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/no/such/page")))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        app.masthead.pageCache().put("anonymous|/", "text/html", new byte[10], Set.of("home"));
        var response = metrics("Bearer " + TOKEN, "*/*");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"2xx\"}")
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"unmatched\",status=\"4xx\"}")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/healthz\",status=\"2xx\",le=\"0.1\"}")
                .contains("masthead_page_cache_hits_total")
                .contains("masthead_page_cache_pages 1.0")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes")
                .contains("process_uptime_seconds");
    }
}
