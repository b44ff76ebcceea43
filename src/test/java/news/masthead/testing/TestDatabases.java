package news.masthead.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import news.masthead.platform.db.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL for tests: one server per test run (the embedded one, or the external server named by
 * {@code MASTHEAD_TEST_DATABASE_URL}, a JDBC URL of a role that may create databases), a template
 * database migrated once, and a fresh copy of it for each test class.
 */
public final class TestDatabases {
    private static final String TEMPLATE = "masthead_template";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static String serverUrl;
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** A new, migrated, empty database; close it when the class is done. */
    public static synchronized Database fresh() {
        return Database.connect(freshUrl(), 8);
    }

    /** The JDBC URL of a new, migrated, empty database, for opening it more than once (two nodes). */
    public static synchronized String freshUrl() {
        ensureTemplate();
        String name = "t_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        execute("create database " + name + " template " + TEMPLATE);
        return urlFor(name);
    }

    /** The JDBC URL of a database on the test server. */
    public static synchronized String urlFor(String database) {
        server();
        int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = serverUrl.indexOf('?');
        return serverUrl.substring(0, slash + 1) + database + (query >= 0 ? serverUrl.substring(query) : "");
    }

    /** Whether the tests run against an external server rather than the embedded one. */
    public static boolean external() {
        return System.getenv("MASTHEAD_TEST_DATABASE_URL") != null;
    }

    private static void server() {
        if (serverUrl != null) {
            return;
        }
        String externalUrl = System.getenv("MASTHEAD_TEST_DATABASE_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            serverUrl = externalUrl;
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").setServerConfig("max_connections", "300").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        serverUrl = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres?user=postgres";
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the run is over either way
            }
        }));
    }

    private static boolean templateReady;

    private static void ensureTemplate() {
        server();
        if (templateReady) {
            return;
        }
        execute("drop database if exists " + TEMPLATE + " with (force)");
        execute("create database " + TEMPLATE);
        try (Database template = Database.connect(urlFor(TEMPLATE), 2)) {
            template.migrate();
        }
        templateReady = true;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database set-up failed on: " + sql, e);
        }
    }
}
