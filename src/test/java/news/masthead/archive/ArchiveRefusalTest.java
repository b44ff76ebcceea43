package news.masthead.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.masthead.platform.db.Database;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A damaged, foreign or misdirected archive is refused with the file and line at fault, and the target is left as it was. */
class ArchiveRefusalTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static RunningMasthead source;
    static Path archive;

    @BeforeAll
    static void export() throws IOException {
        source = RunningMasthead.start();
        new SampleSite(source, 3);
        archive = Files.createTempDirectory("masthead-archive").resolve("site");
        new SiteArchive(source.database, source.clock).export(archive, true);
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void aTableFileCutOffMidLineIsRefusedNamingTheLine() throws IOException {
        Path copy = copy();
        Path file = copy.resolve("tables/articles.ndjson");
        byte[] bytes = Files.readAllBytes(file);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        Files.write(file, cut);
        long line = new String(cut, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() + 1;
        assertRefused(copy, "tables/articles.ndjson line " + line + ": not valid JSON");
    }

    @Test
    void aTableFileCutOffAtALineIsRefusedByItsRowCount() throws IOException {
        Path copy = copy();
        Path file = copy.resolve("tables/corrections.ndjson");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 1));
        assertRefused(copy, "tables/corrections.ndjson holds " + (lines.size() - 1) + " row(s) but manifest.json says " + lines.size());
    }

    @Test
    void anEditedTableFileIsRefusedByItsChecksum() throws IOException {
        Path copy = copy();
        Path file = copy.resolve("tables/article_revisions.ndjson");
        Files.writeString(file, Files.readString(file).replace("Río floods", "Rio floods"));
        assertRefused(copy, "tables/article_revisions.ndjson is damaged or was changed");
    }

    @Test
    void anArchiveOfAnotherFormatVersionIsRefused() throws IOException {
        Path copy = copy();
        editManifest(copy, m -> m.put("version", 2));
        assertRefused(copy, "manifest.json: archive format version 2 is not one this Masthead reads", "newer Masthead");
    }

    @Test
    void somethingThatIsNotAnArchiveIsRefused() throws IOException {
        assertRefused(Files.createTempDirectory("not-an-archive"), "has no manifest.json");
        Path copy = copy();
        Files.writeString(copy.resolve("manifest.json"), "{\"format\": \"masthead-archive\", \"version\": 1, \"tables\": [");
        assertRefused(copy, "manifest.json line 1: not valid JSON");
        Path foreign = copy();
        editManifest(foreign, m -> m.put("format", "wordpress-wxr"));
        assertRefused(foreign, "manifest.json: \"format\" must be \"masthead-archive\"");
    }

    @Test
    void aMissingPhotoFileIsRefusedNamingTheRow() throws IOException {
        Path copy = copy();
        String sha = firstPhotoSha(copy);
        Files.delete(copy.resolve("media").resolve(sha));
        assertRefused(copy, "tables/photos.ndjson line 1: media/" + sha + " is missing from the archive");
    }

    @Test
    void aPhotoFileWithOtherBytesIsRefusedByItsSha256() throws IOException {
        Path copy = copy();
        String sha = firstPhotoSha(copy);
        Files.write(copy.resolve("media").resolve(sha), new byte[] {1, 2, 3});
        assertRefused(copy, "tables/photos.ndjson line 1: media/" + sha + " is damaged");
    }

    @Test
    void aDatabaseThatAlreadyHoldsASiteIsLeftAlone() throws IOException {
        try (Database target = TestDatabases.fresh()) {
            target.jdbi().useHandle(h -> h.execute("insert into sections (slug, name) values ('local', 'Local')"));
            assertRefused(target, copy(), "The database is not empty (it has rows in sections)");
        }
    }

    @Test
    void aRowPointingAtAMissingSectionIsRefusedInTheDatabasesWords() throws IOException {
        Path copy = copy();
        rewriteTable(copy, "sections", lines -> lines.stream().filter(l -> !l.contains("\"culture\"")).toList());
        assertRefused(copy, "tables/articles.ndjson line", "violates foreign key constraint", "Key (section_id)=(3) is not present");
    }

    @Test
    void aRevisionBySomeoneNotOnTheStaffIsRefused() throws IOException {
        Path copy = copy();
        rewriteTable(copy, "corrections", lines -> lines.stream().map(l -> l.replace("ed@example.org", "nobody@example.org")).toList());
        assertRefused(copy, "tables/corrections.ndjson line 1: column 'created_by' names nobody@example.org, who is not among the archive's staff");
    }

    @Test
    void aValueOfTheWrongShapeIsRefusedNamingTheColumn() throws IOException {
        Path copy = copy();
        rewriteTable(copy, "sections", lines -> lines.stream().map(l -> l.replace("\"position\":2", "\"position\":\"second\"")).toList());
        assertRefused(copy, "tables/sections.ndjson line 2: column 'position' must be a whole number (got \"second\")");
    }

    @Test
    void aColumnThisDatabaseLacksIsRefused() throws IOException {
        Path copy = copy();
        rewriteTable(copy, "tags", lines -> lines.stream().map(l -> l.replaceFirst("\\{", "{\"colour\":\"red\",")).toList());
        editManifest(copy, m -> {
            for (var t : m.get("tables")) {
                if (t.path("name").asText().equals("tags")) {
                    ((ArrayNode) t.get("columns")).add("colour");
                }
            }
        });
        assertRefused(copy, "tables/tags.ndjson has column(s) [colour] that this database's tags table lacks");
    }

    @Test
    void aRowWithAColumnTheManifestDoesNotListIsRefused() throws IOException {
        Path copy = copy();
        rewriteTable(copy, "redirects", lines -> lines.stream().map(l -> l.replaceFirst("\\{", "{\"extra\":1,")).toList());
        assertRefused(copy, "tables/redirects.ndjson line 1: column 'extra' is not among the columns manifest.json lists");
    }

    // helpers

    private static void assertRefused(Path dir, String... message) {
        try (Database target = TestDatabases.fresh()) {
            assertRefused(target, dir, message);
        }
    }

    private static void assertRefused(Database target, Path dir, String... message) {
        var before = TableRows.all(target);
        assertThatThrownBy(() -> new SiteArchive(target, source.clock).importFrom(dir))
                .isInstanceOf(ArchiveError.class).message().contains(message);
        assertThat(TableRows.all(target)).as("the target is unchanged").isEqualTo(before);
        int outbox = target.jdbi().withHandle(h -> h.createQuery("select count(*) from outbox").mapTo(Integer.class).one());
        assertThat(outbox).isZero();
    }

    private static Path copy() {
        try {
            Path copy = Files.createTempDirectory("masthead-archive-copy");
            try (Stream<Path> files = Files.walk(archive)) {
                for (Path from : files.toList()) {
                    Path to = copy.resolve(archive.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstPhotoSha(Path dir) throws IOException {
        String first = Files.readAllLines(dir.resolve("tables/photos.ndjson")).getFirst();
        return JSON.readTree(first).path("bytes").asText();
    }

    private static void editManifest(Path dir, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        edit.accept(manifest);
        JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }

    /** Changes a table file and updates the manifest to match, so only the content is wrong. */
    private static void rewriteTable(Path dir, String table, UnaryOperator<List<String>> change) throws IOException {
        Path file = dir.resolve("tables/" + table + ".ndjson");
        List<String> lines = change.apply(new ArrayList<>(Files.readAllLines(file)));
        String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        Files.writeString(file, text);
        editManifest(dir, m -> {
            for (var t : m.get("tables")) {
                if (t.path("name").asText().equals(table)) {
                    ((ObjectNode) t).put("rows", lines.size()).put("sha256", Media.sha256(text.getBytes(StandardCharsets.UTF_8)));
                }
            }
        });
    }

    @Test
    void theManifestListsEveryArchivedTable() throws IOException {
        var names = new ArrayList<String>();
        JSON.readTree(archive.resolve("manifest.json").toFile()).path("tables").forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).containsExactlyElementsOf(ArchivedTables.ARCHIVED.stream().map(ArchivedTables.Table::name).toList());
    }
}
