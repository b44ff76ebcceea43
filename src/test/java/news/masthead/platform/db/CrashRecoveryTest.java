package news.masthead.platform.db;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash loses nothing acknowledged: a real server process on the embedded database is killed with
 * SIGKILL — alone (its PostgreSQL orphaned) and together with its database (a power cut) — while
 * articles are being published, and the next start on the same data directory recovers by itself.
 */
@Tag("embedded-only")
class CrashRecoveryTest {
    @TempDir
    Path dataDir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws IOException, InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly().waitFor();
        }
        LocalPostgres.livePostmasterPort(LocalPostgres.pgDir(dataDir)).ifPresent(port -> killPostmaster());
    }

    @Test
    void aServerKilledAloneOrWithItsDatabaseComesBackWithEveryAcknowledgedArticle() throws Exception {
        int port = freePort();
        Process first = startServer(port);
        List<Long> acknowledged = publishWhileKilling(first, false);

        Process second = startServer(port);
        assertPublished(acknowledged);

        List<Long> more = publishWhileKilling(second, true);
        startServer(port);
        assertPublished(acknowledged);
        assertPublished(more);
        assertThat(acknowledged.size() + more.size()).isGreaterThan(2);
    }

    @Test
    void aCommandBorrowsTheDatabaseOfTheServerRunningOnTheSameDataDir() throws Exception {
        startServer(freePort());
        String pidBefore = Files.readAllLines(LocalPostgres.pgDir(dataDir).resolve("postmaster.pid")).get(0);
        assertThat(news.masthead.app.Main.run("migrate", "--data-dir", dataDir.toString())).isZero();
        assertThat(Files.readAllLines(LocalPostgres.pgDir(dataDir).resolve("postmaster.pid")).get(0)).isEqualTo(pidBefore);
        assertThat(LocalPostgres.livePostmasterPort(LocalPostgres.pgDir(dataDir))).isPresent();
    }

    @Test
    void aSecondServerOnTheSameDataDirIsRefusedWithAClearMessage() throws Exception {
        startServer(freePort());
        int code = news.masthead.app.Main.run("serve", "--data-dir", dataDir.toString(), "--port", "0");
        assertThat(code).isEqualTo(1);
    }

    /** Publishes through a command connection until the server dies; returns the committed ids. */
    private List<Long> publishWhileKilling(Process server, boolean powerCut) throws Exception {
        List<Long> acknowledged = new ArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        try (Database db = Database.open(null, dataDir, Database.Role.COMMAND, 2)) {
            Newsroom newsroom = new Newsroom(db, Clock.systemUTC());
            if (newsroom.section("world").isEmpty()) {
                newsroom.saveSection(null, "world", "World", "", 1);
            }
            Thread killer = Thread.ofVirtual().start(() -> {
                sleep(400);
                server.destroyForcibly();
                if (powerCut) {
                    killPostmaster();
                }
                killed.set(true);
            });
            for (int i = 0; i < 10_000 && !killed.get(); i++) {
                try {
                    long id = newsroom.create(ArticleDraft.of("Crash story " + Instant.now().toEpochMilli() + " " + i, "", "Body " + i, "world"), null);
                    newsroom.publish(id, null);
                    acknowledged.add(id);
                } catch (RuntimeException e) {
                    break; // the database went away mid-write: that write was never acknowledged
                }
            }
            killer.join();
        } catch (RuntimeException closingAfterPowerCut) {
            // closing the pool after the database vanished may fail; nothing to recover here
        }
        server.waitFor();
        return acknowledged;
    }

    private void assertPublished(List<Long> ids) {
        try (Database db = Database.open(null, dataDir, Database.Role.COMMAND, 2)) {
            Newsroom newsroom = new Newsroom(db, Clock.systemUTC());
            for (long id : ids) {
                assertThat(newsroom.live(id)).as("article %d", id).isPresent();
            }
        }
    }

    private Process startServer(int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("masthead-crash", ".log");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "news.masthead.app.Main",
                "serve", "--data-dir", dataDir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(p.isAlive()).as("server died at start: %s", Files.readString(log)).isTrue();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server did not start: " + Files.readString(log));
    }

    private void killPostmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(LocalPostgres.pgDir(dataDir).resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        } catch (IOException | RuntimeException e) {
            // already gone
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
