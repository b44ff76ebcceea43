package news.masthead.platform.metrics;

import io.javalin.Javalin;
import news.masthead.platform.web.WebError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator check that app passes in, with no token configured at all. */
class MetricsAccessTest {
    static final Metrics metrics = new Metrics(null, ctx -> "yes".equals(ctx.header("X-Test-Admin")));
    static final Javalin server = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.jetty.port = 0;
        config.routes.exception(WebError.class, (e, ctx) -> ctx.status(e.status()).result(e.getMessage()));
        metrics.install(config);
    }).start();

    @AfterAll
    static void stop() {
        server.stop();
        metrics.close();
    }

    static int status(String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/metrics"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anAdministratorReadsTheMetricsWithoutAToken() throws Exception {
        assertThat(status("X-Test-Admin", "yes")).isEqualTo(200);
        assertThat(status()).isEqualTo(401);
    }

    @Test
    void withNoTokenConfiguredNoBearerIsAccepted() throws Exception {
        assertThat(status("Authorization", "Bearer x")).isEqualTo(403);
        assertThat(status("Authorization", "Bearer null")).isEqualTo(403);
    }
}
