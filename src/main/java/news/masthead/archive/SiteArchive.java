package news.masthead.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Json;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Masthead's own archive of a whole site: {@code export} writes one, {@code import masthead} loads one
 * into an empty database, losslessly (ids, every revision, times to the microsecond, photo bytes).
 *
 * <p>An archive is a directory: {@code manifest.json} ({@code "format": "masthead-archive", "version": 1},
 * the tables with their columns, row counts and SHA-256), {@code tables/<table>.ndjson} (one JSON object
 * per row, in key order) and {@code media/<sha256>} (photo originals and renditions, once each). Both
 * directions stream, so the size of a site is bounded by disk, not memory.
 */
public final class SiteArchive {
    private final Exporter exporter;
    private final Importer importer;

    public SiteArchive(Database database, Clock clock) {
        ObjectMapper json = Json.mapper();
        this.exporter = new Exporter(database, json, clock);
        this.importer = new Importer(database, json);
    }

    /** How much an export wrote or an import loaded. */
    public record Summary(Map<String, Long> rows, long mediaFiles, long mediaBytes) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Writes the site into {@code out} (a new or empty directory) from one consistent snapshot.
     *
     * @param withPasswordHashes false to write staff without their password hashes: they then set a
     *                           new password after the import
     * @throws ArchiveError when {@code out} is not usable
     */
    public Summary export(Path out, boolean withPasswordHashes) {
        Manifest manifest = exporter.export(out, withPasswordHashes);
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        manifest.tables().forEach(t -> rows.put(t.name(), t.rows()));
        return new Summary(rows, manifest.mediaFiles(), manifest.mediaBytes());
    }

    /**
     * Loads the archive in {@code dir} into this database, which must hold no site yet, in one
     * transaction: on any error nothing is changed.
     *
     * @throws ArchiveError naming the file and line at fault, or saying the database is not empty
     */
    public Summary importFrom(Path dir) {
        return importer.load(dir);
    }
}
