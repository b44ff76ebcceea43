package news.masthead.app;

import news.masthead.platform.db.Database;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Two Masthead nodes on one database, each with its own pool, as two servers behind nginx would be. */
class TwoNodesTest {
    static final String URL = TestDatabases.freshUrl();
    static final RunningMasthead nodeA = RunningMasthead.start(Database.connect(URL, 4));
    static final RunningMasthead nodeB = RunningMasthead.start(Database.connect(URL, 4));

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void anInvalidationPublishedOnOneNodeEvictsThePageOnTheOtherWithinASecond() throws InterruptedException {
        assertThat(nodeA.masthead.invalidationBus().awaitListening(10_000)).isTrue();
        assertThat(nodeB.masthead.invalidationBus().awaitListening(10_000)).isTrue();
        var cacheB = nodeB.masthead.pageCache();
        byte[] html = "<h1>Bridge reopens</h1>".getBytes(StandardCharsets.UTF_8);
        cacheB.put("anonymous|/news/bridge-reopens", "text/html; charset=utf-8", html, Set.of("article:42", "home"));
        cacheB.put("anonymous|/sport", "text/html; charset=utf-8", html, Set.of("section:sport"));

        long published = System.nanoTime();
        nodeA.masthead.invalidationBus().publish("article:42");
        while (cacheB.get("anonymous|/news/bridge-reopens") != null && System.nanoTime() - published < 1_000_000_000L) {
            Thread.sleep(5);
        }
        assertThat(cacheB.get("anonymous|/news/bridge-reopens")).isNull();
        assertThat(cacheB.get("anonymous|/sport")).isNotNull();
    }
}
