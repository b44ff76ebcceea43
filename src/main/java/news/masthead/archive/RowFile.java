package news.masthead.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one table file a row at a time: each line one JSON object with exactly the manifest's
 * columns. At the end, checks the row count and SHA-256 the manifest promised, which catches a file
 * cut short at a line boundary as well as one cut mid-line.
 */
final class RowFile implements AutoCloseable {
    private final Manifest.TableFile table;
    private final ObjectMapper json;
    private final Set<String> columns;
    private final MessageDigest digest = Media.digest();
    private final BufferedReader reader;
    private long line;

    /** One row and where it is, for messages. */
    record Row(JsonNode values, long line, String where) {
    }

    RowFile(Path archive, Manifest.TableFile table, ObjectMapper json) {
        this.table = table;
        this.json = json;
        this.columns = Set.copyOf(table.columns());
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            this.reader = new BufferedReader(new InputStreamReader(
                    new DigestInputStream(Files.newInputStream(archive.resolve(table.file())), digest), utf8), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new ArchiveError(table.file() + " is missing from the archive.");
        } catch (IOException e) {
            throw new ArchiveError("Cannot read " + table.file() + ": " + e.getMessage(), e);
        }
    }

    /** The rows, in file order; the count and checksum are checked when the last one has been read. */
    Iterable<Row> rows() {
        return () -> new Iterator<>() {
            private Row next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                Row row = next;
                next = advance();
                return row;
            }
        };
    }

    private Row advance() {
        String text;
        try {
            text = reader.readLine();
        } catch (IOException e) {
            throw new ArchiveError(table.file() + " line " + (line + 1) + ": cannot be read (" + e.getMessage() + ").", e);
        }
        if (text == null) {
            finish();
            return null;
        }
        line++;
        String where = table.file() + " line " + line;
        JsonNode values;
        try {
            values = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ArchiveError(where + ": not valid JSON (" + e.getOriginalMessage() + ").");
        }
        if (values == null || !values.isObject()) {
            throw new ArchiveError(where + ": each line must be one JSON object (a row).");
        }
        Set<String> missing = new HashSet<>(columns);
        for (Iterator<String> names = values.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!missing.remove(name)) {
                throw new ArchiveError(where + ": column '" + name + "' is not among the columns manifest.json lists for " + table.name() + ".");
            }
        }
        if (!missing.isEmpty()) {
            throw new ArchiveError(where + ": the row has no value for " + List.copyOf(missing) + ".");
        }
        return new Row(values, line, where);
    }

    private void finish() {
        if (line != table.rows()) {
            throw new ArchiveError(table.file() + " holds " + line + " row(s) but manifest.json says " + table.rows()
                    + ": the file is incomplete or was changed.");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(table.sha256())) {
            throw new ArchiveError(table.file() + " is damaged or was changed: its SHA-256 is " + actual + ", manifest.json says "
                    + table.sha256() + ".");
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
