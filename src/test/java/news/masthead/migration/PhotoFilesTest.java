package news.masthead.migration;

import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Images are read only from inside the folder given, never fetched, and a bad file costs only the photo. */
class PhotoFilesTest {
    static final Database db = TestDatabases.fresh();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2024-02-01T12:00:00Z"));
    static final Ledger ledger = new Ledger(db, clock);
    static final PhotoLibrary library = new PhotoLibrary(db, clock);

    @AfterAll
    static void close() {
        db.close();
    }

    static PhotoFiles in(Path folder) {
        return new PhotoFiles(library, ledger, "wordpress", folder, "/wp-content/uploads/", null);
    }

    @Test
    void aPathThatClimbsOutOfTheFolderIsNotRead() throws IOException {
        Path root = Files.createTempDirectory("site");
        Path uploads = Files.createDirectories(root.resolve("uploads"));
        Files.writeString(root.resolve("secret.jpg"), "not for you");
        for (String url : new String[] {"https://x.example/wp-content/uploads/../secret.jpg",
                "https://x.example/wp-content/uploads/%2e%2e/secret.jpg", "https://x.example/wp-content/uploads/..%2fsecret.jpg"}) {
            PhotoFiles.Result result = in(uploads).photo(url, "", "");
            assertThat(result.photoId()).isNull();
            assertThat(result.problem()).contains("not found in");
        }
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsNotFollowed() throws IOException {
        Path root = Files.createTempDirectory("site");
        Path uploads = Files.createDirectories(root.resolve("uploads"));
        Files.writeString(root.resolve("secret.jpg"), "not for you");
        Files.createSymbolicLink(uploads.resolve("link.jpg"), root.resolve("secret.jpg"));
        assertThat(in(uploads).photo("https://x.example/wp-content/uploads/link.jpg", "", "").problem()).contains("not found in");
    }

    @Test
    void withoutAFolderNothingIsFetchedFromTheWeb() {
        assertThat(in(null).photo("https://x.example/wp-content/uploads/a.jpg", "", "").problem())
                .startsWith("not fetched: give the folder");
        assertThat(in(Path.of("/tmp")).photo("https://cdn.example/elsewhere/a.jpg", "", "").problem())
                .contains("is not under /wp-content/uploads/");
    }

    @Test
    void aFileThatIsNotAnImageIsReportedNotThrown() throws IOException {
        Path uploads = Files.createTempDirectory("uploads");
        Files.writeString(uploads.resolve("fake.jpg"), "<?php echo 'hi';");
        assertThat(in(uploads).photo("https://x.example/wp-content/uploads/fake.jpg", "", "").problem())
                .contains("refused by the photo library");
    }
}
