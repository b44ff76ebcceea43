package news.masthead.testing;

import news.masthead.platform.db.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A data directory whose embedded PostgreSQL is owned by a running "server" (as {@code serve} would
 * own it), with a node on that database: what a command-line test runs its commands against.
 */
public final class ServedDataDir implements AutoCloseable {
    public final Path dataDir;
    public final RunningMasthead app;
    private final Database server;

    private ServedDataDir(Path dataDir, Database server, RunningMasthead app) {
        this.dataDir = dataDir;
        this.server = server;
        this.app = app;
    }

    public static ServedDataDir start(String prefix) {
        try {
            Path dataDir = Files.createTempDirectory(prefix);
            Database server = Database.open(null, dataDir, Database.Role.SERVER, 4);
            server.migrate();
            return new ServedDataDir(dataDir, server, RunningMasthead.start(Database.connect(server.jdbcUrl(), 4)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.close();
        server.close();
    }
}
