package news.masthead.archive;

import news.masthead.app.demo.DemoContent;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Section;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo newspaper, exported and imported into an empty database, is the same newspaper. */
class DemoArchiveTest {
    /** The tables only the demo fills (the sample site of {@link SiteArchiveTest} fills all the others). */
    static final Set<String> DEMO_TABLES = Set.of("demo_content", "demo_photos");
    static final Map<String, String> SAME_ADDRESS = Map.of("MASTHEAD_BASE_URL", "http://localhost");
    static RunningMasthead source;
    static RunningMasthead target;

    @BeforeAll
    static void roundTrip() throws IOException {
        source = RunningMasthead.start(TestDatabases.fresh(), SAME_ADDRESS);
        new DemoContent(source.database, source.masthead.accounts(), source.clock).load(300, progress -> { });
        Path archive = Files.createTempDirectory("masthead-archive").resolve("demo");
        new SiteArchive(source.database, source.clock).export(archive, true);
        Database empty = TestDatabases.fresh();
        new SiteArchive(empty, source.clock).importFrom(archive);
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
    void everyTableOfTheDemoIsTheSameRowByRow() {
        for (ArchivedTables.Table table : ArchivedTables.ARCHIVED) {
            if (DEMO_TABLES.contains(table.name())) {
                assertThat(TableRows.of(source.database, table, Set.of())).as("the demo fills %s", table.name()).isNotEmpty();
            }
            assertThat(TableRows.of(target.database, table, Set.of())).as(table.name())
                    .isEqualTo(TableRows.of(source.database, table, Set.of()));
        }
        assertThat(TableRows.of(source.database, ArchivedTables.named("articles").orElseThrow(), Set.of())).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void everyDemoArticleAndPageIsTheSame() {
        Newsroom before = source.masthead.newsroom();
        Newsroom after = target.masthead.newsroom();
        List<String> paths = new ArrayList<>(List.of("/", "/rss.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/news-sitemap.xml"));
        before.sections().stream().map(Section::slug).forEach(slug -> paths.add("/" + slug));
        int count = before.countArticles(null, null);
        for (var listing : before.articles(null, null, 0, count)) {
            assertThat(after.live(listing.id())).as("article %d", listing.id()).isEqualTo(before.live(listing.id()));
            assertThat(after.revisions(listing.id())).as("revisions of %d", listing.id()).isEqualTo(before.revisions(listing.id()));
            before.live(listing.id()).ifPresent(live -> paths.add(live.path()));
        }
        assertThat(before.countArticles(ArticleStatus.PUBLISHED, null)).isPositive();
        for (String path : paths) {
            HttpResponse<String> was = source.get(path);
            HttpResponse<String> is = target.get(path);
            assertThat(is.statusCode()).as(path).isEqualTo(was.statusCode());
            assertThat(is.body()).as(path).isEqualTo(was.body());
        }
    }

    @Test
    void theDemoKnowsItIsAlreadyLoadedAfterTheMove() {
        var report = new DemoContent(target.database, target.masthead.accounts(), target.clock).load(300, progress -> { });
        assertThat(report.alreadyLoaded()).isTrue();
    }
}
