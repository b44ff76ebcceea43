package news.masthead.testing;

import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A real Masthead node on a free port over a fresh test database, with a real HTTP client and a
 * settable clock. One per test class: {@code static RunningMasthead app = RunningMasthead.start();}
 * and close it in {@code @AfterAll}.
 */
public final class RunningMasthead implements AutoCloseable {
    public final Database database;
    public final Masthead masthead;
    public final Clocks.Settable clock;
    public final Path dataDir;
    public final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RunningMasthead(Database database, Masthead masthead, Clocks.Settable clock, Path dataDir) {
        this.database = database;
        this.masthead = masthead;
        this.clock = clock;
        this.dataDir = dataDir;
    }

    public static RunningMasthead start() {
        return start(TestDatabases.fresh());
    }

    /** Starts a node on an existing database (e.g. a second node on the same database). */
    public static RunningMasthead start(Database database) {
        return start(database, Map.of());
    }

    /** Starts a node with extra {@code MASTHEAD_*} variables (e.g. a metrics token). */
    public static RunningMasthead start(Database database, Map<String, String> env) {
        try {
            Path dataDir = Files.createTempDirectory("masthead-test");
            Map<String, String> variables = new java.util.HashMap<>(env);
            variables.put("MASTHEAD_PORT", "0");
            Settings settings = Settings.from(variables, null, dataDir);
            Clocks.Settable clock = new Clocks.Settable(Instant.now());
            return new RunningMasthead(database, Masthead.start(settings, database, clock), clock, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://localhost:" + masthead.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    /** Sends with any client (one with its own cookies, say), turning checked failures into unchecked ones. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        masthead.close();
        database.close();
    }
}
