package news.masthead.app.cli;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.ServedDataDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code masthead import wordpress|ghost} run through {@code Main.run} on a data directory whose
 * server is running, and the imports they leave listed at {@code /admin/imports}.
 */
class ImportCommandTest {
    static ServedDataDir served;
    static Path dataDir;
    static RunningMasthead app;

    @BeforeAll
    static void start() {
        assumeThat(System.getenv("MASTHEAD_DATABASE_URL")).as("the commands would use MASTHEAD_DATABASE_URL").isNull();
        served = ServedDataDir.start("masthead-import");
        dataDir = served.dataDir;
        app = served.app;
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    static Path fixture(String name) throws IOException {
        Path file = Files.createTempFile("fixture", name);
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/news/masthead/migration/" + name)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    String[] withDataDir(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dataDir.toString();
        return all;
    }

    @Test
    void aWordPressImportShowsProgressAndASummaryAndIsListedForEditors() throws IOException {
        StaffCommandsTest.Run run = StaffCommandsTest.masthead(withDataDir("import", "wordpress", fixture("site.wxr.xml").toString(),
                "--section-for-pages", "about-us"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("posts and pages 7/7").contains("posts        created 5, updated 0, skipped 1, failed 0")
                .contains("comments     created 0, updated 0, skipped 1, failed 1") // one spam, one without a date
                .contains("featured image could not be fetched from https://courier.example/"); // no --uploads: fetched by URL
        assertThat(app.masthead.newsroom().section("about-us")).isPresent();

        HttpResponse<String> page = StaffBrowser.signedIn(app, Role.EDITOR).get("/admin/imports");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("wordpress").contains("finished").contains("<td>posts</td><td>5</td>");
        assertThat(StaffBrowser.signedIn(app, Role.CONTRIBUTOR).get("/admin/imports").statusCode()).isEqualTo(403);
        assertThat(app.get("/admin/imports").statusCode()).isIn(302, 303);
    }

    @Test
    void anUnusableFileExitsWithOneAndSaysWhy() throws IOException {
        Path rss = Files.createTempFile("feed", ".xml");
        Files.writeString(rss, "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title></item></channel></rss>");
        StaffCommandsTest.Run run = StaffCommandsTest.masthead(withDataDir("import", "wordpress", rss.toString()));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("masthead: This is an RSS feed, not a WordPress export");
    }

    @Test
    void aGhostImportMakesReaderAccountsAndSaysHowToGrantMemberships() throws IOException {
        StaffCommandsTest.Run run = StaffCommandsTest.masthead(withDataDir("import", "ghost", fixture("ghost.json").toString(),
                "--members", fixture("members.csv").toString()));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("readers      created 3, updated 0, skipped 0, failed 1").contains("--until YYYY-MM-DD")
                .contains("posts 5/5");
    }

    @Test
    void anUnknownPlanStopsAGhostImportBeforeAnythingIsWritten() throws IOException {
        StaffCommandsTest.Run run = StaffCommandsTest.masthead(withDataDir("import", "ghost", fixture("ghost.json").toString(),
                "--members", fixture("members.csv").toString(), "--plan", "Platinum", "--until", "2099-12-31"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("There is no plan 'Platinum'");
    }
}
