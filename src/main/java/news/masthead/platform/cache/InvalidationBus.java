package news.masthead.platform.cache;

import news.masthead.platform.db.Database;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Tells every node that content changed: {@code publish("article:42")} reaches this node's
 * listeners at once (or when the writer's transaction commits) and the other nodes through
 * PostgreSQL {@code NOTIFY} on {@value #CHANNEL}.
 *
 * <p>Each node keeps one dedicated connection (outside the pool) that {@code LISTEN}s. When that
 * connection drops, notifications may have been missed, so on every (re)connect the node's
 * listeners are told to drop everything. A node ignores the echo of its own notifications: it has
 * already told its listeners.
 */
public final class InvalidationBus implements AutoCloseable {
    public static final String CHANNEL = "masthead_invalidate";
    /** The payload word for "everything". */
    static final String EVERYTHING = "*";
    static final String APPLICATION_NAME = "masthead-invalidation";
    /** NOTIFY payloads must stay below 8000 bytes. */
    private static final int MAX_PAYLOAD = 7000;
    private static final Logger log = LoggerFactory.getLogger(InvalidationBus.class);

    /** Something that drops what it derived from content: the page cache, a search result cache. */
    public interface Listener {
        void invalidate(String surrogateKey);

        void invalidateAll();
    }

    private final Database database;
    private final String jdbcUrl;
    private final String nodeId = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread listener;
    private final long pollMillis;
    private volatile boolean closed;
    private volatile boolean listening;
    private volatile Connection connection;

    /** Starts listening on a dedicated connection to the same database as {@code database}. */
    public InvalidationBus(Database database) {
        this(database, 250);
    }

    InvalidationBus(Database database, long pollMillis) {
        this.database = database;
        this.jdbcUrl = database.jdbcUrl();
        this.pollMillis = pollMillis;
        this.listener = Thread.ofPlatform().daemon().name("masthead-invalidation-listener").unstarted(this::listen);
        listener.start();
    }

    public void subscribe(Listener l) {
        listeners.add(l);
    }

    /**
     * Publishes on its own, committed at once: this node's listeners hear it now, the others within
     * moments.
     */
    public void publish(String... surrogateKeys) {
        check(surrogateKeys);
        database.jdbi().useHandle(h -> notify(h, surrogateKeys));
        deliver(surrogateKeys);
    }

    /**
     * Publishes as part of the writer's transaction on {@code handle}: nothing is heard, here or on
     * other nodes, unless and until it commits. Outside a transaction it is the same as
     * {@link #publish(String...)} on that handle.
     */
    public void publish(Handle handle, String... surrogateKeys) {
        check(surrogateKeys);
        notify(handle, surrogateKeys);
        String[] keys = surrogateKeys.clone();
        if (handle.isInTransaction()) {
            handle.afterCommit(() -> deliver(keys));
        } else {
            deliver(keys);
        }
    }

    /** Tells every node to drop everything (a theme or a site setting changed). */
    public void publishEverything() {
        database.jdbi().useHandle(h -> notify(h, EVERYTHING));
        deliver(EVERYTHING);
    }

    /** Whether the listening connection is up (tests and health checks). */
    public boolean isListening() {
        return listening;
    }

    /** Waits up to {@code millis} for the listening connection; true if it is up. */
    public boolean awaitListening(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!listening && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return listening;
    }

    private static void check(String[] surrogateKeys) {
        if (surrogateKeys.length == 0) {
            throw new IllegalArgumentException("Name at least one surrogate key");
        }
        for (String key : surrogateKeys) {
            SurrogateKeys.check(key);
        }
    }

    private void notify(Handle handle, String... surrogateKeys) {
        for (String payload : payloads(surrogateKeys)) {
            handle.createQuery("select pg_notify(:channel, :payload)")
                    .bind("channel", CHANNEL).bind("payload", payload)
                    .map((rs, ctx) -> 1).one();
        }
    }

    /** "nodeId key key …", split so that each stays under the NOTIFY limit. */
    private List<String> payloads(String... surrogateKeys) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(nodeId);
        for (String key : surrogateKeys) {
            if (payload.length() + 1 + key.length() > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload = new StringBuilder(nodeId);
            }
            payload.append(' ').append(key);
        }
        payloads.add(payload.toString());
        return payloads;
    }

    private void deliver(String... surrogateKeys) {
        for (String key : surrogateKeys) {
            for (Listener l : listeners) {
                try {
                    if (key.equals(EVERYTHING)) {
                        l.invalidateAll();
                    } else {
                        l.invalidate(key);
                    }
                } catch (RuntimeException e) {
                    log.error("An invalidation listener failed on {}", key, e);
                }
            }
        }
    }

    void received(String payload) {
        if (payload == null) {
            return;
        }
        String[] words = payload.split(" ");
        if (words.length < 2 || words[0].equals(nodeId)) {
            return;
        }
        deliver(java.util.Arrays.copyOfRange(words, 1, words.length));
    }

    private void listen() {
        long backoff = 100;
        while (!closed) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                backoff = 100;
                // notifications sent while we were not listening are lost: drop everything to be safe
                deliver(EVERYTHING);
                listening = true;
                poll(c.unwrap(PGConnection.class), c);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                log.warn("Invalidation listener lost its connection ({}); reconnecting in {} ms", e.getMessage(), backoff);
            } finally {
                listening = false;
                connection = null;
            }
            if (!closed) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void poll(PGConnection pg, Connection c) throws SQLException {
        long quietSince = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = pg.getNotifications((int) pollMillis);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification n : notifications) {
                    received(n.getParameter());
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(10)) {
                // a silent network failure shows up only when we ask
                if (!c.isValid(5)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening and closes the dedicated connection. */
    @Override
    public void close() {
        closed = true;
        listener.interrupt();
        try {
            listener.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c = connection;
        if (c != null && listener.isAlive()) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("Closing the listening connection failed", e);
            }
        }
    }
}
