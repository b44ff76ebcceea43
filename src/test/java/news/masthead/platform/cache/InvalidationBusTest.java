package news.masthead.platform.cache;

import news.masthead.platform.db.Database;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two nodes' buses on one database, each with its own connections, as two processes would have. */
class InvalidationBusTest {
    static final String URL = TestDatabases.freshUrl();
    static final Database databaseA = Database.connect(URL, 2);
    static final Database databaseB = Database.connect(URL, 2);
    static final InvalidationBus busA = new InvalidationBus(databaseA);
    static final InvalidationBus busB = new InvalidationBus(databaseB);
    static final Heard heardA = new Heard();
    static final Heard heardB = new Heard();

    static {
        busA.subscribe(heardA);
        busB.subscribe(heardB);
    }

    /** What a node's listener was told, in order; "*" for everything. */
    static final class Heard implements InvalidationBus.Listener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void invalidate(String surrogateKey) {
            events.add(surrogateKey);
        }

        @Override
        public void invalidateAll() {
            events.add("*");
        }

        String next(long millis) throws InterruptedException {
            return events.poll(millis, TimeUnit.MILLISECONDS);
        }
    }

    @AfterAll
    static void stop() {
        busA.close();
        busB.close();
        databaseA.close();
        databaseB.close();
    }

    @BeforeEach
    void listening() throws InterruptedException {
        assertThat(busA.awaitListening(10_000)).isTrue();
        assertThat(busB.awaitListening(10_000)).isTrue();
        heardA.events.clear();
        heardB.events.clear();
    }

    @Test
    void aPublishIsHeardAtOnceHereAndWithinASecondOnTheOtherNode() throws InterruptedException {
        busA.publish("article:42", "home");
        assertThat(heardA.events).containsExactly("article:42", "home");
        assertThat(heardB.next(1000)).isEqualTo("article:42");
        assertThat(heardB.next(1000)).isEqualTo("home");
    }

    @Test
    void aNodeIgnoresTheEchoOfItsOwnPublish() throws InterruptedException {
        busA.publish("section:world");
        assertThat(heardB.next(1000)).isEqualTo("section:world");
        Thread.sleep(300);
        assertThat(heardA.events).containsExactly("section:world");
    }

    @Test
    void aPublishInATransactionIsHeardOnlyWhenItCommits() throws InterruptedException {
        databaseA.jdbi().useTransaction(h -> {
            h.execute("insert into sections (slug, name) values ('climate', 'Climate')");
            busA.publish(h, "section:climate");
            assertThat(heardA.events).isEmpty();
        });
        assertThat(heardA.events).containsExactly("section:climate");
        assertThat(heardB.next(1000)).isEqualTo("section:climate");
    }

    @Test
    void aPublishInATransactionThatRollsBackIsHeardByNobody() throws InterruptedException {
        assertThatThrownBy(() -> databaseA.jdbi().useTransaction(h -> {
            busA.publish(h, "article:99");
            throw new IllegalStateException("the edit failed");
        })).hasMessageContaining("the edit failed");
        assertThat(heardB.next(500)).isNull();
        assertThat(heardA.events).isEmpty();
    }

    @Test
    void everythingReachesEveryNodeAsInvalidateAll() throws InterruptedException {
        busB.publishEverything();
        assertThat(heardB.events).containsExactly("*");
        assertThat(heardA.next(1000)).isEqualTo("*");
    }

    @Test
    void aNodeWhoseListeningConnectionDropsReconnectsAndDropsEverything() throws InterruptedException {
        int terminated = databaseA.jdbi().withHandle(h -> h.createQuery("""
                        select count(pg_terminate_backend(pid)) from pg_stat_activity
                        where application_name = :name and datname = current_database()
                          and pid <> pg_backend_pid()""")
                .bind("name", InvalidationBus.APPLICATION_NAME).mapTo(Integer.class).one());
        assertThat(terminated).isEqualTo(2); // both nodes' listeners
        assertThat(heardA.next(5000)).isEqualTo("*");
        assertThat(heardB.next(5000)).isEqualTo("*");
        assertThat(busB.awaitListening(5000)).isTrue();
        busA.publish("tag:floods");
        assertThat(heardB.next(1000)).isEqualTo("tag:floods");
    }

    @Test
    void keysThatWouldBreakThePayloadAreRefusedBeforeAnythingIsSent() throws InterruptedException {
        assertThatThrownBy(() -> busA.publish("two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> busA.publish("*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> busA.publish()).isInstanceOf(IllegalArgumentException.class);
        assertThat(heardB.next(300)).isNull();
    }

    @Test
    void manyKeysAtOnceAreSplitAcrossNotificationsAndAllArrive() throws InterruptedException {
        String[] keys = new String[500];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "article:" + (100_000 + i);
        }
        busA.publish(keys);
        for (String key : keys) {
            assertThat(heardB.next(1000)).isEqualTo(key);
        }
    }

    @Test
    void closingTheBusStopsItsListener() throws InterruptedException {
        try (Database database = Database.connect(URL, 1)) {
            InvalidationBus bus = new InvalidationBus(database);
            assertThat(bus.awaitListening(10_000)).isTrue();
            bus.close();
            assertThat(bus.isListening()).isFalse();
            // the server drops a closed backend from pg_stat_activity a moment later
            news.masthead.testing.Eventually.awaitTrue("only busA's and busB's listeners left", () ->
                    database.jdbi().withHandle(h -> h.createQuery("""
                                    select count(*) from pg_stat_activity
                                    where application_name = :name and datname = current_database()""")
                            .bind("name", InvalidationBus.APPLICATION_NAME).mapTo(Integer.class).one()) == 2);
        }
    }
}
