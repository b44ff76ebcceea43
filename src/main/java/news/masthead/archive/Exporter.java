package news.masthead.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.platform.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes an archive from one consistent snapshot (a read-only repeatable-read transaction), table by
 * table in key order, streaming rows through a cursor so a million articles never sit in memory.
 */
final class Exporter {
    private static final int FETCH = 500;

    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;

    Exporter(Database db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    Manifest export(Path out, boolean withSecrets) {
        prepare(out);
        Media media = new Media(out);
        return db.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("set transaction read only");
            String schema = h.createQuery("""
                    select coalesce((select version from flyway_schema_history where success and version is not null
                                     order by installed_rank desc limit 1), '')""").mapTo(String.class).one();
            Map<Long, String> emails = h.createQuery("select id, email from staff").setFetchSize(FETCH)
                    .map((rs, c) -> Map.entry(rs.getLong("id"), rs.getString("email")))
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<Manifest.TableFile> files = new ArrayList<>();
            for (ArchivedTables.Table table : ArchivedTables.ARCHIVED) {
                files.add(writeTable(h, table, out, media, emails, withSecrets));
            }
            Manifest manifest = new Manifest(Manifest.VERSION, clock.instant(), schema, withSecrets, List.copyOf(files),
                    media.files(), media.bytes());
            manifest.write(out, json);
            return manifest;
        });
    }

    private static void prepare(Path out) {
        try {
            if (Files.exists(out)) {
                try (var entries = Files.list(out)) {
                    if (!Files.isDirectory(out) || entries.findAny().isPresent()) {
                        throw new ArchiveError(out + " already exists and is not an empty directory; export into a new one.");
                    }
                }
            }
            Files.createDirectories(out.resolve("tables"));
            Files.createDirectories(out.resolve(Media.DIR));
        } catch (IOException e) {
            throw new ArchiveError("Cannot create " + out + ": " + e.getMessage(), e);
        }
    }

    private Manifest.TableFile writeTable(Handle h, ArchivedTables.Table table, Path out, Media media, Map<Long, String> emails,
                                          boolean withSecrets) {
        List<Column> columns = Column.of(h, table.name());
        String sql = "select " + columns.stream().map(Column::select).collect(Collectors.joining(", "))
                + " from " + table.name() + " order by " + orderBy(table, columns);
        MessageDigest digest = Media.digest();
        long rows;
        try (OutputStream file = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(out.resolve(table.file())), 1 << 16), digest);
             JsonGenerator generator = json.getFactory().createGenerator(file)) {
            generator.setRootValueSeparator(new SerializedString("\n"));
            rows = h.createQuery(sql).setFetchSize(FETCH).scanResultSet((results, ctx) -> {
                ResultSet rs = results.get();
                long count = 0;
                while (rs.next()) {
                    writeRow(generator, rs, table, columns, media, emails, withSecrets);
                    count++;
                }
                return count;
            });
            if (rows > 0) {
                generator.writeRaw('\n');
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ArchiveError("Cannot write " + out.resolve(table.file()) + ": " + e.getMessage(), e);
        }
        return new Manifest.TableFile(table.name(), table.file(), columns.stream().map(Column::name).toList(), rows,
                HexFormat.of().formatHex(digest.digest()));
    }

    private void writeRow(JsonGenerator out, ResultSet rs, ArchivedTables.Table table, List<Column> columns, Media media,
                          Map<Long, String> emails, boolean withSecrets) throws SQLException {
        try {
            out.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                out.writeFieldName(column.name());
                if (!withSecrets && table.secretColumns().contains(column.name())) {
                    out.writeNull();
                } else if (table.staffColumns().contains(column.name())) {
                    writeStaff(out, rs, i + 1, emails);
                } else {
                    writeValue(out, rs, i + 1, column, media);
                }
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String orderBy(ArchivedTables.Table table, List<Column> columns) {
        return table.key().stream().map(k -> {
            Column column = columns.stream().filter(c -> c.name().equals(k)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(table.name() + " has no key column " + k));
            return column.kind() == Column.Kind.TEXT ? column.quoted() + " collate \"C\"" : column.quoted();
        }).collect(Collectors.joining(", "));
    }

    private static void writeStaff(JsonGenerator out, ResultSet rs, int i, Map<Long, String> emails) throws SQLException, IOException {
        long id = rs.getLong(i);
        if (rs.wasNull()) {
            out.writeNull();
        } else {
            out.writeString(emails.get(id));
        }
    }

    private void writeValue(JsonGenerator out, ResultSet rs, int i, Column column, Media media) throws SQLException, IOException {
        switch (column.kind()) {
            case INTEGER -> {
                long value = rs.getLong(i);
                writeOrNull(out, rs, () -> out.writeNumber(value));
            }
            case BOOLEAN -> {
                boolean value = rs.getBoolean(i);
                writeOrNull(out, rs, () -> out.writeBoolean(value));
            }
            case TEXT, OTHER -> out.writeString(rs.getString(i));
            case INSTANT -> {
                OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
                out.writeString(value == null ? null : value.toInstant().toString());
            }
            case INTEGER_ARRAY, TEXT_ARRAY -> writeArray(out, rs.getArray(i));
            case JSON -> {
                String value = rs.getString(i);
                writeOrNull(out, rs, () -> out.writeTree(json.readTree(value)));
            }
            case MEDIA -> {
                byte[] value = rs.getBytes(i);
                out.writeString(value == null ? null : media.write(value));
            }
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void writeOrNull(JsonGenerator out, ResultSet rs, Write write) throws SQLException, IOException {
        if (rs.wasNull()) {
            out.writeNull();
        } else {
            write.run();
        }
    }

    private static void writeArray(JsonGenerator out, Array array) throws SQLException, IOException {
        if (array == null) {
            out.writeNull();
            return;
        }
        out.writeStartArray();
        for (Object element : (Object[]) array.getArray()) {
            switch (element) {
                case null -> out.writeNull();
                case Number n -> out.writeNumber(n.longValue());
                default -> out.writeString(element.toString());
            }
        }
        out.writeEndArray();
    }
}
