package news.masthead.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL kept in a data directory.
 *
 * <p>A server ({@code serve}, {@code demo}) owns the database: it holds {@code server.lock} in the data
 * directory while it runs. Any other command first looks for a live postmaster on that directory and
 * connects to it, so commands work while the server runs. A postmaster left behind by a killed server
 * (an orphan: alive, but nobody holds the lock) is stopped and started again by the next server, and a
 * stale {@code postmaster.pid} from a power cut is handled by PostgreSQL itself on start.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private final EmbeddedPostgres started;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private LocalPostgres(EmbeddedPostgres started, int port, FileChannel lockChannel, FileLock lock) {
        this.started = started;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The JDBC URL of the running database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Starts (or adopts) the database for a server that owns the data directory. */
    public static LocalPostgres forServer(Path dataDir) {
        Path pgDir = pgDir(dataDir);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve("server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DatabaseUnavailable("Another Masthead server is already running on " + dataDir.toAbsolutePath()
                        + ". Stop it first, or use another --data-dir.");
            }
            Optional<Integer> orphan = livePostmasterPort(pgDir);
            if (orphan.isPresent()) {
                log.warn("Found a PostgreSQL left running by an earlier Masthead process; restarting it cleanly");
                stopPostmaster(pgDir);
            }
            EmbeddedPostgres pg = start(pgDir);
            return new LocalPostgres(pg, pg.getPort(), channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseUnavailable("Could not start the embedded PostgreSQL in " + pgDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * For a command: connects to the database a running server uses, or starts one for the duration
     * of the command when no server runs.
     */
    public static LocalPostgres forCommand(Path dataDir) {
        Path pgDir = pgDir(dataDir);
        Optional<Integer> live = livePostmasterPort(pgDir);
        if (live.isPresent()) {
            return new LocalPostgres(null, live.get(), null, null);
        }
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres pg = start(pgDir);
            return new LocalPostgres(pg, pg.getPort(), null, null);
        } catch (IOException e) {
            throw new DatabaseUnavailable("Could not start the embedded PostgreSQL in " + pgDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    static Path pgDir(Path dataDir) {
        return dataDir.resolve("postgres");
    }

    private static EmbeddedPostgres start(Path pgDir) throws IOException {
        Files.createDirectories(pgDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    /** The port of a postmaster that is alive on this directory and accepts connections. */
    static Optional<Integer> livePostmasterPort(Path pgDir) {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive || !accepts(port)) {
                return Optional.empty();
            }
            return Optional.of(port);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean accepts(int port) {
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=5")) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Fast shutdown (SIGINT) of an orphaned postmaster, waiting for it to exit. */
    private static void stopPostmaster(Path pgDir) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).trim());
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the old PostgreSQL", e);
        }
    }

    @Override
    public void close() {
        if (started != null) {
            try {
                started.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the lock goes with the channel anyway
            }
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: the OS drops the lock when the process ends
            }
        }
    }
}
