package news.masthead.app;

import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest {
    static final RunningMasthead app = RunningMasthead.start();

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void healthzReportsTheDatabaseAsReachable() {
        var response = app.get("/healthz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"database\":\"reachable\"").contains("\"searchBehind\":0");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline"));
    }

    @Test
    void anUnknownPathIsA404PageWithoutInternals() {
        var response = app.get("/no/such/page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found").doesNotContain("Exception");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        var response = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/healthz")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("a=b")).build());
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
