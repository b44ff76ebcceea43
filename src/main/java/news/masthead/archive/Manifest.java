package news.masthead.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code manifest.json}: what the archive is ({@code "format": "masthead-archive", "version": 1}), when
 * it was made, and for each table file its columns, row count and SHA-256. Written last, so an export
 * that did not finish has no manifest and is refused.
 */
record Manifest(int version, Instant exportedAt, String schemaVersion, boolean passwordHashes, List<TableFile> tables,
                long mediaFiles, long mediaBytes) {
    static final String FILE = "manifest.json";
    static final String FORMAT = "masthead-archive";
    static final int VERSION = 1;

    /** One table's file: {@code tables/<name>.ndjson}, one JSON object per row. */
    record TableFile(String name, String file, List<String> columns, long rows, String sha256) {
    }

    void write(Path dir, ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT).put("version", version).put("exportedAt", exportedAt.toString())
                .put("schemaVersion", schemaVersion).put("passwordHashes", passwordHashes);
        ArrayNode list = root.putArray("tables");
        for (TableFile t : tables) {
            ObjectNode node = list.addObject().put("name", t.name()).put("file", t.file());
            t.columns().forEach(node.putArray("columns")::add);
            node.put("rows", t.rows()).put("sha256", t.sha256());
        }
        root.putObject("media").put("files", mediaFiles).put("bytes", mediaBytes);
        try {
            Files.writeString(dir.resolve(FILE), json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest read(Path dir, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(dir.resolve(FILE)));
        } catch (NoSuchFileException e) {
            throw new ArchiveError(dir + " has no " + FILE + ": it is not a Masthead archive, or its export did not finish.");
        } catch (JsonProcessingException e) {
            throw new ArchiveError(FILE + " line " + e.getLocation().getLineNr() + ": not valid JSON (" + e.getOriginalMessage() + ").");
        } catch (IOException e) {
            throw new ArchiveError("Cannot read " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new ArchiveError(FILE + ": \"format\" must be \"" + FORMAT + "\"; this is not a Masthead archive.");
        }
        if (!root.path("version").isInt()) {
            throw new ArchiveError(FILE + ": \"version\" must be a whole number.");
        }
        int version = root.path("version").asInt();
        if (version != VERSION) {
            throw new ArchiveError(FILE + ": archive format version " + version + " is not one this Masthead reads (it reads version "
                    + VERSION + ")" + (version > VERSION ? "; import it with a newer Masthead." : "."));
        }
        if (!root.path("tables").isArray()) {
            throw new ArchiveError(FILE + ": \"tables\" must list the archive's table files.");
        }
        List<TableFile> tables = new ArrayList<>();
        for (JsonNode t : root.path("tables")) {
            String name = text(t, "name");
            List<String> columns = new ArrayList<>();
            t.path("columns").forEach(c -> columns.add(c.asText()));
            if (columns.isEmpty() || !t.path("rows").canConvertToLong()) {
                throw new ArchiveError(FILE + ": table '" + name + "' needs \"columns\" and \"rows\".");
            }
            tables.add(new TableFile(name, text(t, "file"), List.copyOf(columns), t.path("rows").asLong(), text(t, "sha256")));
        }
        Instant exportedAt;
        try {
            exportedAt = Instant.parse(text(root, "exportedAt"));
        } catch (RuntimeException e) {
            throw new ArchiveError(FILE + ": \"exportedAt\" is not an ISO-8601 instant.");
        }
        return new Manifest(version, exportedAt, root.path("schemaVersion").asText(""), root.path("passwordHashes").asBoolean(false),
                List.copyOf(tables), root.path("media").path("files").asLong(), root.path("media").path("bytes").asLong());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ArchiveError(FILE + ": \"" + field + "\" is missing or not a string.");
        }
        return value.asText();
    }
}
