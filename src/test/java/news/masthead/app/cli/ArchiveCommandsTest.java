package news.masthead.app.cli;

import news.masthead.app.Main;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code masthead export} from a data directory whose server runs, then {@code masthead import masthead}
 * into a new data directory with no server, through {@link Main#run} as an operator types them.
 */
class ArchiveCommandsTest {
    static Path oldDir;
    static Path newDir;
    static Path archive;
    static Database server;
    static long article;

    @BeforeAll
    static void start() throws IOException {
        assumeThat(System.getenv("MASTHEAD_DATABASE_URL")).as("the commands would use MASTHEAD_DATABASE_URL").isNull();
        oldDir = Files.createTempDirectory("masthead-old");
        newDir = Files.createTempDirectory("masthead-new");
        archive = Files.createTempDirectory("masthead-archive").resolve("paper");
        server = Database.open(null, oldDir, Database.Role.SERVER, 4);
        server.migrate();
        Newsroom newsroom = new Newsroom(server, Clock.systemUTC());
        newsroom.saveSection(null, "world", "World", "", 1);
        article = newsroom.create(ArticleDraft.of("Moving house", "", "All of it comes along.", "world"), null);
        newsroom.publish(article, null);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run masthead(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aSiteMovesToANewDataDirectoryWithExportAndImport() {
        Run exported = masthead("export", "--out", archive.toString(), "--data-dir", oldDir.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("Exported", "to " + archive.toAbsolutePath());

        Run imported = masthead("import", "masthead", archive.toString(), "--data-dir", newDir.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported", "1 article(s), 1 revision(s)");
        try (Database moved = Database.open(null, newDir, Database.Role.COMMAND, 2)) {
            assertThat(new Newsroom(moved, Clock.systemUTC()).live(article)).isEqualTo(new Newsroom(server, Clock.systemUTC()).live(article));
        }

        Run again = masthead("import", "masthead", archive.toString(), "--data-dir", newDir.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("masthead: The database is not empty").doesNotContain("Exception", "\tat ");
    }

    @Test
    void importWithoutSayingWhatIsAUsageError() {
        Run run = masthead("import");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Say what to import");
    }

    @Test
    void exportIntoAFullDirectoryIsOneLineAndExitCode1() throws IOException {
        Path full = Files.createTempDirectory("masthead-full");
        Files.writeString(full.resolve("notes.txt"), "mine");
        Run run = masthead("export", "--out", full.toString(), "--data-dir", oldDir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("is not an empty directory").doesNotContain("\tat ");
    }
}
