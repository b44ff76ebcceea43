package news.masthead.app.cli;

import news.masthead.app.Settings;
import news.masthead.platform.db.Database;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command shares: where the data lives. */
public final class DataDirOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory: embedded database, search index (default: ./masthead-data, env MASTHEAD_DATA_DIR).")
    Path dataDir;

    Settings settings(Integer port) {
        return Settings.from(System.getenv(), port, dataDir);
    }

    /** Opens the database for a one-off command, borrowing a running server's embedded database if there is one. */
    Database openForCommand() {
        Settings settings = settings(null);
        return Database.open(settings.databaseUrl(), settings.dataDir(), Database.Role.COMMAND, 2);
    }
}
