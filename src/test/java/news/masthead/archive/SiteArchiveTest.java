package news.masthead.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.accounts.StaffBrowser;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Export a site, import it into an empty database, and find the same site: row by row, article by article, page by page. */
class SiteArchiveTest {
    /** Both nodes claim one public address, as the old and the new server of a paper would (feed ids are made from it). */
    static final Map<String, String> SAME_ADDRESS = Map.of("MASTHEAD_BASE_URL", "http://localhost");
    static RunningMasthead source;
    static SampleSite site;
    static Path archive;
    static SiteArchive.Summary exported;
    static SiteArchive.Summary imported;
    static RunningMasthead target;

    @BeforeAll
    static void roundTrip() throws IOException {
        source = RunningMasthead.start(TestDatabases.fresh(), SAME_ADDRESS);
        site = new SampleSite(source, 40);
        archive = Files.createTempDirectory("masthead-archive").resolve("site");
        exported = new SiteArchive(source.database, source.clock).export(archive, true);
        Database empty = TestDatabases.fresh();
        imported = new SiteArchive(empty, source.clock).importFrom(archive);
        target = RunningMasthead.start(empty, SAME_ADDRESS);
        target.clock.set(source.clock.instant());
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
        if (source != null) {
            source.close();
        }
    }

    @Test
    void everyArchivedTableHasTheSameRowsWithTheSameValuesAfterTheRoundTrip() {
        for (ArchivedTables.Table table : ArchivedTables.ARCHIVED) {
            List<Map<String, Object>> before = TableRows.of(source.database, table, Set.of());
            if (!DemoArchiveTest.DEMO_TABLES.contains(table.name())) {
                assertThat(before).as("the sample site has rows in %s", table.name()).isNotEmpty();
            }
            assertThat(TableRows.of(target.database, table, Set.of())).as(table.name()).isEqualTo(before);
        }
        assertThat(imported.rows()).isEqualTo(exported.rows());
    }

    @Test
    void everyArticleReadsTheSameInTheNewsroomAfterTheRoundTrip() {
        Newsroom before = source.masthead.newsroom();
        Newsroom after = target.masthead.newsroom();
        for (long id : site.articles) {
            assertThat(after.live(id)).as("live article %d", id).isEqualTo(before.live(id));
            assertThat(after.revisions(id)).as("revisions of %d", id).isEqualTo(before.revisions(id));
            assertThat(after.article(id)).as("article %d", id).isEqualTo(before.article(id));
        }
        assertThat(after.latest(0, 100)).isEqualTo(before.latest(0, 100));
    }

    @Test
    void thePublicPagesAndFeedsAreTheSameAfterTheRoundTrip() {
        List<String> paths = new ArrayList<>(site.paths);
        paths.addAll(List.of("/", "/world", "/business", "/culture", "/author/ana-lopez", "/author/bo-writer", "/tag/floods",
                "/rss.xml", "/atom.xml", "/feed.json", "/world/rss.xml", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt",
                "/world/old-title", "/world/published-then-withdrawn", "/business/embargoed-until-tomorrow"));
        for (String path : paths) {
            HttpResponse<String> before = source.get(path);
            HttpResponse<String> after = target.get(path);
            assertThat(after.statusCode()).as(path).isEqualTo(before.statusCode());
            assertThat(after.headers().firstValue("Location")).as(path).isEqualTo(before.headers().firstValue("Location"));
            assertThat(after.body()).as(path).isEqualTo(before.body());
        }
        List<String> media = source.database.jdbi().withHandle(h -> h.createQuery(
                "select '/media/photos/' || photo_id || '/' || width || '.jpg' from photo_renditions order by photo_id, width")
                .mapTo(String.class).list());
        for (String path : media) {
            byte[] before = bytes(source, path);
            assertThat(before).as(path).isNotEmpty();
            assertThat(bytes(target, path)).as(path).isEqualTo(before);
        }
        assertThat(source.get("/world/old-title").statusCode()).isEqualTo(301);
        assertThat(source.get("/world/published-then-withdrawn").statusCode()).isEqualTo(410);
    }

    private static byte[] bytes(RunningMasthead node, String path) {
        try {
            HttpResponse<byte[]> response = node.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url(path))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theImportedSiteTakesNewArticlesWithoutReusingIds() {
        Newsroom newsroom = target.masthead.newsroom();
        long staff = target.database.jdbi().withHandle(h -> h.createQuery("select min(id) from staff").mapTo(Long.class).one());
        long id = newsroom.create(ArticleDraft.of("After the move", "", "new here", "world"), staff);
        newsroom.publish(id, staff);
        newsroom.addCorrection(id, "A fresh correction.", staff);
        assertThat(id).isGreaterThan(site.articles.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertThat(newsroom.saveSection(null, "science", "Science", "", 4).id()).isGreaterThan(3);
        assertThat(target.masthead.accounts().addStaff("new@example.org", "New Person",
                news.masthead.accounts.Role.EDITOR, "another long passphrase").id()).isGreaterThan(3);
    }

    @Test
    void staffKeepTheirPasswordsAndSignInAfterTheRoundTrip() {
        assertThat(target.masthead.accounts().staff()).extracting("email")
                .contains("Ana@Example.org", "ed@example.org", "cy@example.org");
        var response = new StaffBrowser(target).signIn("ed@example.org", "a long passphrase two");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    }

    @Test
    void publishedArticlesAreQueuedForEveryNodesSearchIndex() {
        Newsroom newsroom = target.masthead.newsroom();
        Set<Long> queued = new HashSet<>();
        newsroom.changesSince(0, 10_000).forEach(c -> queued.add(c.articleId()));
        List<Long> published = new ArrayList<>();
        for (long after = 0; ; ) {
            List<Long> ids = newsroom.publishedIdsAfter(after, 100);
            if (ids.isEmpty()) {
                break;
            }
            published.addAll(ids);
            after = ids.getLast();
        }
        assertThat(queued).containsAll(published);
    }

    @Test
    void theManifestSaysWhatTheArchiveIsAndHowBigEachTableIs() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(archive.resolve("manifest.json").toFile());
        assertThat(manifest.path("format").asText()).isEqualTo("masthead-archive");
        assertThat(manifest.path("version").asInt()).isEqualTo(1);
        assertThat(manifest.path("passwordHashes").asBoolean()).isTrue();
        for (JsonNode table : manifest.path("tables")) {
            try (Stream<String> lines = Files.lines(archive.resolve(table.path("file").asText()))) {
                assertThat(lines.count()).as(table.path("name").asText()).isEqualTo(table.path("rows").asLong());
            }
        }
        String revision = Files.readAllLines(archive.resolve("tables/article_revisions.ndjson")).getFirst();
        assertThat(new ObjectMapper().readTree(revision).path("created_by").asText()).isEqualTo("cy@example.org");
    }

    @Test
    void eachPhotoFileIsStoredOnceUnderItsSha256() throws IOException {
        try (Stream<Path> files = Files.list(archive.resolve("media"))) {
            List<Path> media = files.toList();
            long distinct = source.database.jdbi().withHandle(h -> h.createQuery("""
                    select count(*) from (select sha256(bytes) from photos union select sha256(bytes) from photo_renditions
                                          union select sha256(bytes) from epaper_pdf_chunks union select sha256(pdf) from epaper_pages) b""")
                    .mapTo(Long.class).one());
            assertThat(media).hasSize((int) distinct).hasSize((int) exported.mediaFiles()).hasSizeGreaterThan(4);
            for (Path file : media) {
                assertThat(Media.sha256(Files.readAllBytes(file))).isEqualTo(file.getFileName().toString());
            }
        }
    }

    @Test
    void anExportWithoutPasswordHashesLeavesOnlyThemOut() throws IOException {
        Path plain = Files.createTempDirectory("masthead-archive").resolve("no-hashes");
        new SiteArchive(source.database, source.clock).export(plain, false);
        try (Database other = TestDatabases.fresh()) {
            new SiteArchive(other, source.clock).importFrom(plain);
            for (ArchivedTables.Table table : ArchivedTables.ARCHIVED) {
                Set<String> excluded = table.name().equals("staff") ? Set.of("password_hash") : Set.of();
                assertThat(TableRows.of(other, table, excluded)).as(table.name()).isEqualTo(TableRows.of(source.database, table, excluded));
            }
            int withHash = other.jdbi().withHandle(h -> h.createQuery("select count(*) from staff where password_hash is not null")
                    .mapTo(Integer.class).one());
            assertThat(withHash).isZero();
        }
    }

    @Test
    void anExportGoesOnlyIntoANewOrEmptyDirectory() {
        assertThatThrownBy(() -> new SiteArchive(source.database, source.clock).export(archive, true))
                .isInstanceOf(ArchiveError.class).hasMessageContaining("is not an empty directory");
    }

    @Test
    void everyTableIsEitherArchivedOrDeliberatelyLeftOut() {
        List<String> tables = source.database.jdbi().withHandle(h -> h.createQuery(
                "select tablename from pg_tables where schemaname = current_schema() order by tablename").mapTo(String.class).list());
        Set<String> known = new HashSet<>(ArchivedTables.LEFT_OUT.keySet());
        ArchivedTables.ARCHIVED.forEach(t -> known.add(t.name()));
        assertThat(known).as("tables the archive knows about, archived or left out").containsExactlyInAnyOrderElementsOf(tables);
    }
}
