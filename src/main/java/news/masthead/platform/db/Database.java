package news.masthead.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one PostgreSQL every feature uses: a pooled data source, JDBI on top of it, and the Flyway
 * migrations. Either an external server ({@code MASTHEAD_DATABASE_URL}) or the embedded one kept in
 * the data directory.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final LocalPostgres local;
    private final String jdbcUrl;

    private Database(String jdbcUrl, int poolSize, LocalPostgres local) {
        this.jdbcUrl = jdbcUrl;
        this.local = local;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("masthead");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(15_000);
        try {
            this.dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (local != null) {
                local.close();
            }
            throw new DatabaseUnavailable("Cannot connect to PostgreSQL at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    /** How the process uses an embedded database: owning it (a server) or borrowing it (a command). */
    public enum Role { SERVER, COMMAND }

    /**
     * Opens the external database when {@code externalUrl} is set, otherwise the embedded one in
     * {@code dataDir}.
     */
    public static Database open(String externalUrl, Path dataDir, Role role, int poolSize) {
        if (externalUrl != null && !externalUrl.isBlank()) {
            return new Database(toJdbcUrl(externalUrl), poolSize, null);
        }
        LocalPostgres local = role == Role.SERVER ? LocalPostgres.forServer(dataDir) : LocalPostgres.forCommand(dataDir);
        return new Database(local.jdbcUrl(), poolSize, local);
    }

    /** Connects to a given JDBC URL (tests and tools). */
    public static Database connect(String jdbcUrl, int poolSize) {
        return new Database(jdbcUrl, poolSize, null);
    }

    /** Applies pending migrations; returns how many were applied. */
    public int migrate() {
        try {
            return Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (org.flywaydb.core.api.FlywayException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines()
                    .filter(line -> !line.startsWith("Need more flexibility") && !line.contains("help.red-gate.com"))
                    .reduce((a, b) -> a + " " + b).orElse("");
            throw new DatabaseUnavailable("The database schema could not be brought up to date: " + message, e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public HikariDataSource pool() {
        return dataSource;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Accepts {@code jdbc:postgresql://…} as is, and turns {@code postgres://user:pass@host:port/db} into one. */
    static String toJdbcUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new DatabaseUnavailable("MASTHEAD_DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:// (got "
                    + redact(url) + ")");
        }
        URI uri = URI.create(url);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath());
        StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            appendParam(query, "user", decode(parts[0]));
            if (parts.length > 1) {
                appendParam(query, "password", decode(parts[1]));
            }
        }
        if (!query.isEmpty()) {
            jdbc.append('?').append(query);
        }
        return jdbc.toString();
    }

    private static void appendParam(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String redact(String url) {
        return url.replaceAll("(password=)[^&]*", "$1***").replaceAll("(//[^:/@]+:)[^@]*@", "$1***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public void close() {
        dataSource.close();
        if (local != null) {
            local.close();
        }
    }
}
