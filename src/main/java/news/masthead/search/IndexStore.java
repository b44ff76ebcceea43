package news.masthead.search;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The index's home on disk, {@code <data-dir>/search}: one directory per generation
 * ({@code gen-<number>}, numbers only grow) and a {@code CURRENT} file naming the one in use. A
 * rebuild writes a new generation beside the old one and then replaces {@code CURRENT} atomically,
 * so readers (this node, or a running node when the CLI rebuilt) see either the old index or the new
 * one, never half of either.
 */
final class IndexStore {
    private static final Logger log = LoggerFactory.getLogger(IndexStore.class);
    private static final String CURRENT = "CURRENT";
    private static final String PREFIX = "gen-";

    private final Path root;

    IndexStore(Path root) {
        this.root = root;
    }

    /** The generation {@code CURRENT} names, if any. */
    Optional<String> current() {
        Path file = root.resolve(CURRENT);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String name = Files.readString(file, StandardCharsets.UTF_8).trim();
            return name.matches(PREFIX + "\\d+") ? Optional.of(name) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir(String generation) {
        return root.resolve(generation);
    }

    /** A fresh directory for a new generation, numbered after every existing one. */
    synchronized Path newGeneration() throws IOException {
        Files.createDirectories(root);
        long next = Math.max(System.currentTimeMillis(), generations().stream().mapToLong(IndexStore::number).max().orElse(0) + 1);
        Path dir = root.resolve(PREFIX + next);
        while (Files.exists(dir)) {
            dir = root.resolve(PREFIX + ++next);
        }
        return Files.createDirectory(dir);
    }

    /** Points {@code CURRENT} at {@code generation} in one atomic rename. */
    void makeCurrent(String generation) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, generation + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Deletes generations older than the current one that nobody has open for writing. Newer ones
     * are left alone: a rebuild may be filling one right now.
     */
    void deleteObsolete() {
        Optional<String> current = current();
        if (current.isEmpty()) {
            return;
        }
        long keep = number(current.get());
        for (String generation : generations()) {
            if (number(generation) < keep) {
                deleteIfUnused(root.resolve(generation));
            }
        }
    }

    /** Removes a generation that failed to build. */
    void discard(Path dir) {
        try {
            deleteTree(dir, Optional.empty());
        } catch (IOException e) {
            log.warn("Could not remove the unfinished search index {}: {}", dir, e.toString());
        }
    }

    private static void deleteIfUnused(Path dir) {
        try (Directory directory = FSDirectory.open(dir); Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            deleteTree(dir, Optional.of(dir.resolve(IndexWriter.WRITE_LOCK_NAME)));
        } catch (LockObtainFailedException e) {
            log.debug("Search index {} is still in use; kept for now", dir);
            return;
        } catch (IOException e) {
            log.warn("Could not delete the old search index {}: {}", dir, e.toString());
            return;
        }
        try {
            deleteTree(dir, Optional.empty());
        } catch (IOException e) {
            log.debug("Old search index {} not fully removed yet: {}", dir, e.toString());
        }
    }

    /** Removes a directory tree, except {@code keep} (a lock file still held). */
    private static void deleteTree(Path dir, Optional<Path> keep) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (keep.isEmpty() || !p.equals(keep.get()) && !p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private List<String> generations() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.matches(PREFIX + "\\d+")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(String generation) {
        return Long.parseLong(generation.substring(PREFIX.length()));
    }
}
