package news.masthead.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.platform.db.Database;
import org.jdbi.v3.core.Handle;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads an archive into an empty database in one transaction: validates as it streams (manifest,
 * JSON, columns, value shapes, staff emails, media checksums, row counts, file checksums; the
 * database checks keys and references), so any failure rolls everything back and leaves the target
 * as it was. Ids are kept; sequences are moved past them afterwards.
 */
final class Importer {
    private static final int BATCH_ROWS = 500;
    private static final long BATCH_BYTES = 32L << 20;

    private final Database db;
    private final ObjectMapper json;

    Importer(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    SiteArchive.Summary load(Path archive) {
        Manifest manifest = Manifest.read(archive, json);
        Map<String, Manifest.TableFile> files = checkTables(manifest);
        Media media = new Media(archive);
        return db.jdbi().inTransaction(h -> {
            refuseUnlessEmpty(h);
            Map<String, Long> staffIds = new HashMap<>();
            Cells cells = new Cells(h.getConnection(), json, media, staffIds);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (ArchivedTables.Table table : ArchivedTables.ARCHIVED) {
                Manifest.TableFile file = files.get(table.name());
                rows.put(table.name(), file == null ? 0 : insertRows(h, archive, table, file, cells, staffIds));
            }
            for (ArchivedTables.Table table : ArchivedTables.ARCHIVED) {
                Manifest.TableFile file = files.get(table.name());
                if (file != null && !table.laterColumns().isEmpty()) {
                    fillLaterColumns(h, archive, table, file, cells);
                }
            }
            resetSequences(h);
            // the newsroom's contract: every live change has an outbox entry, which each node's search index follows
            h.execute("insert into outbox (topic, ref_id) select 'article', id from articles where status = 'published' order by id");
            return new SiteArchive.Summary(rows, media.files(), media.bytes());
        });
    }

    /** Every table file must be one this version knows, at its expected path, listed once. */
    private static Map<String, Manifest.TableFile> checkTables(Manifest manifest) {
        Map<String, Manifest.TableFile> files = new HashMap<>();
        for (Manifest.TableFile file : manifest.tables()) {
            ArchivedTables.Table table = ArchivedTables.named(file.name()).orElseThrow(() -> new ArchiveError(Manifest.FILE
                    + ": table '" + file.name() + "' is not one this Masthead knows (an archive from a newer Masthead?)."));
            if (!file.file().equals(table.file())) {
                throw new ArchiveError(Manifest.FILE + ": table '" + file.name() + "' must be in " + table.file() + ", not " + file.file() + ".");
            }
            if (files.put(file.name(), file) != null) {
                throw new ArchiveError(Manifest.FILE + ": table '" + file.name() + "' is listed twice.");
            }
            if (!file.columns().containsAll(table.key())) {
                throw new ArchiveError(Manifest.FILE + ": table '" + file.name() + "' lacks its key column(s) " + table.key() + ".");
            }
        }
        return files;
    }

    private static void refuseUnlessEmpty(Handle h) {
        String names = ArchivedTables.ARCHIVED.stream().map(ArchivedTables.Table::name).collect(Collectors.joining(", "));
        // keeps a running node from writing while the import runs; readers go on
        h.execute("lock table " + names + " in exclusive mode");
        List<String> used = ArchivedTables.ARCHIVED.stream().filter(t -> !t.singleton())
                .map(ArchivedTables.Table::name)
                .filter(t -> h.createQuery("select exists (select 1 from " + t + ")").mapTo(Boolean.class).one())
                .toList();
        if (!used.isEmpty()) {
            throw new ArchiveError("The database is not empty (it has rows in " + String.join(", ", used)
                    + "); an archive is imported only into a new, empty database, e.g. a new --data-dir. Nothing was changed.");
        }
    }

    private long insertRows(Handle h, Path archive, ArchivedTables.Table table, Manifest.TableFile file, Cells cells,
                            Map<String, Long> staffIds) {
        Map<String, Column> target = targetColumns(h, table, file);
        List<Column> columns = file.columns().stream().filter(c -> !table.laterColumns().contains(c)).map(target::get).toList();
        if (table.singleton()) {
            h.execute("delete from " + table.name());
        }
        String sql = "insert into " + table.name() + " (" + columns.stream().map(Column::quoted).collect(Collectors.joining(", "))
                + ") values (" + columns.stream().map(c -> "?::" + c.type()).collect(Collectors.joining(", ")) + ")";
        try (RowFile rows = new RowFile(archive, file, json);
             Batch batch = new Batch(h, sql, file.file())) {
            for (RowFile.Row row : rows.rows()) {
                long bytes = bindRow(batch, cells, table, columns, row);
                if (table.name().equals(ArchivedTables.STAFF)) {
                    staffIds.put(row.values().path("email").asText(), row.values().path("id").asLong());
                }
                batch.add(row.line(), bytes);
            }
            batch.flush();
            return file.rows();
        }
    }

    /** Sets the forward-pointing columns (an article's current and published revision) once their rows exist. */
    private void fillLaterColumns(Handle h, Path archive, ArchivedTables.Table table, Manifest.TableFile file, Cells cells) {
        Map<String, Column> target = targetColumns(h, table, file);
        List<Column> later = table.laterColumns().stream().filter(file.columns()::contains).sorted().map(target::get).toList();
        List<Column> key = table.key().stream().map(target::get).toList();
        List<Column> parameters = new ArrayList<>(later);
        parameters.addAll(key);
        String sql = "update " + table.name() + " set " + later.stream().map(c -> c.quoted() + " = ?::" + c.type()).collect(Collectors.joining(", "))
                + " where " + key.stream().map(c -> c.quoted() + " = ?::" + c.type()).collect(Collectors.joining(" and "));
        try (RowFile rows = new RowFile(archive, file, json);
             Batch batch = new Batch(h, sql, file.file())) {
            for (RowFile.Row row : rows.rows()) {
                if (later.stream().allMatch(c -> row.values().get(c.name()).isNull())) {
                    continue;
                }
                bindRow(batch, cells, table, parameters, row);
                batch.add(row.line(), 0);
            }
            batch.flush();
        }
    }

    /** Binds the row's values for {@code columns}, in order; returns the media bytes they carried. */
    private static long bindRow(Batch batch, Cells cells, ArchivedTables.Table table, List<Column> columns, RowFile.Row row) {
        long bytes = 0;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            boolean staff = table.staffColumns().contains(column.name());
            bytes += batch.bind(i + 1, (statement, index) -> cells.bind(statement, index, column, staff,
                    row.values().get(column.name()), row.where()));
        }
        return bytes;
    }

    private static Map<String, Column> targetColumns(Handle h, ArchivedTables.Table table, Manifest.TableFile file) {
        Map<String, Column> target = Column.of(h, table.name()).stream().collect(Collectors.toMap(Column::name, Function.identity()));
        Set<String> unknown = new HashSet<>(file.columns());
        unknown.removeAll(target.keySet());
        if (!unknown.isEmpty()) {
            throw new ArchiveError(Manifest.FILE + ": " + file.file() + " has column(s) " + unknown + " that this database's "
                    + table.name() + " table lacks (an archive from a newer Masthead?).");
        }
        return target;
    }

    /** Moves every sequence behind an archived column past the largest id imported. */
    private static void resetSequences(Handle h) {
        for (ArchivedTables.Table table : ArchivedTables.ARCHIVED) {
            for (Column column : Column.of(h, table.name())) {
                if (column.kind() != Column.Kind.INTEGER) {
                    continue;
                }
                h.createQuery("select pg_get_serial_sequence(:t, :c)").bind("t", table.name()).bind("c", column.name())
                        .mapTo(String.class).findOne().ifPresent(sequence -> h.createQuery(
                                "select setval(cast(:s as regclass), coalesce((select max(" + column.quoted() + ") from " + table.name()
                                        + "), 0) + 1, false)").bind("s", sequence).mapTo(Long.class).one());
            }
        }
    }

    /** A prepared statement sent in batches of rows (or of media bytes), with the lines it holds for messages. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private final String file;
        private long firstLine = -1;
        private long lastLine;
        private int rows;
        private long bytes;

        Batch(Handle h, String sql, String file) {
            this.file = file;
            try {
                this.statement = h.getConnection().prepareStatement(sql);
            } catch (SQLException e) {
                throw new ArchiveError(file + ": cannot prepare the insert: " + describe(e), e);
            }
        }

        interface Binding {
            long bind(PreparedStatement statement, int index) throws SQLException;
        }

        long bind(int parameter, Binding binding) {
            try {
                return binding.bind(statement, parameter);
            } catch (SQLException e) {
                throw new ArchiveError(file + " line " + (lastLine + 1) + ": " + describe(e), e);
            }
        }

        void add(long line, long rowBytes) {
            try {
                statement.addBatch();
            } catch (SQLException e) {
                throw new ArchiveError(file + " line " + line + ": " + describe(e), e);
            }
            firstLine = firstLine < 0 ? line : firstLine;
            lastLine = line;
            rows++;
            bytes += rowBytes;
            if (rows >= BATCH_ROWS || bytes >= BATCH_BYTES) {
                flush();
            }
        }

        void flush() {
            if (rows == 0) {
                return;
            }
            try {
                statement.executeBatch();
            } catch (SQLException e) {
                String lines = firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "–" + lastLine;
                throw new ArchiveError(file + " " + lines + ": " + describe(e), e);
            }
            firstLine = -1;
            rows = 0;
            bytes = 0;
        }

        @Override
        public void close() {
            try {
                statement.close();
            } catch (SQLException e) {
                throw new ArchiveError(file + ": " + describe(e), e);
            }
        }
    }

    /** The database's own words (message and detail), e.g. which key is missing from which table. */
    static String describe(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
            }
        }
        return e.getMessage();
    }
}
