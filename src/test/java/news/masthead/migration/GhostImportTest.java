package news.masthead.migration;

import news.masthead.newsroom.Article;
import news.masthead.newsroom.ArticleLookup;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GhostImportTest {
    static Database db;
    static Newsroom newsroom;
    static Migration migration;
    static Path export;
    static ImportReport first;

    @BeforeAll
    static void importTheSite() throws IOException {
        db = TestDatabases.fresh();
        Clocks.Settable clock = new Clocks.Settable(Instant.parse("2024-02-01T12:00:00Z"));
        newsroom = new Newsroom(db, clock);
        migration = new Migration(db, newsroom, null, clock);
        export = WordPressImportTest.copy("ghost.json");
        first = migration.importGhost(new Migration.Ghost(export, null, WordPressImportTest.copy("members.csv"), null),
                Migration.Progress.NONE);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Article live(String section, String slug) {
        ArticleLookup lookup = newsroom.lookup(section, slug);
        assertThat(lookup).isInstanceOf(ArticleLookup.Live.class);
        return newsroom.article(((ArticleLookup.Live) lookup).article().id());
    }

    @Test
    void postsKeepTheirDateAuthorsTagsAndOldAddress() {
        Article harbour = live("news", "harbour-reopens");
        assertThat(harbour.firstPublishedAt()).isEqualTo(Instant.parse("2023-05-04T08:15:00Z"));
        assertThat(harbour.current().standfirst()).isEqualTo("Boats are back.");
        assertThat(harbour.current().bodyMarkdown()).contains("*open*").contains("## What next").doesNotContain("steal");
        assertThat(harbour.current().authorIds()).containsExactly(newsroom.author("sam").orElseThrow().id(),
                newsroom.author("unsal").orElseThrow().id());
        assertThat(newsroom.tag("harbours")).isPresent();
        assertThat(newsroom.tags()).extracting(t -> t.name()).doesNotContain("#internal");
        assertThat(newsroom.redirect("/harbour-reopens")).contains("/news/harbour-reopens");
        assertThat(first.problems()).anyMatch(p -> p.contains("feature image not imported"));
    }

    @Test
    void postsWithoutHtmlTakeTheirTextFromLexicalOrMobiledoc() {
        Article lexical = newsroom.article(newsroom.articles(ArticleStatus.DRAFT, "Lexical only", 0, 1).get(0).id());
        assertThat(lexical.current().bodyMarkdown()).contains("First paragraph.").contains("### A heading")
                .contains("[a link](https://example.org)");
        assertThat(live("news", "mobiledoc-only").current().bodyMarkdown()).contains("Old editor text.").contains("**Bold** card");
        assertThat(first.problems()).anyMatch(p -> p.contains("Lexical document"));
    }

    @Test
    void pagesGoToPagesAndUnknownStatusesAreSkipped() {
        assertThat(live("pages", "team").current().headline()).isEqualTo("Our team");
        assertThat(first.kinds().get("posts")).isEqualTo(new ImportReport.Counts(3, 0, 1, 0));
        assertThat(first.problems()).anyMatch(p -> p.contains("status 'sent'"));
    }

    @Test
    void membersAreCheckedAndCountedButNotStored() {
        assertThat(first.notes()).anyMatch(n -> n.equals(
                "3 member(s) (1 paying, 1 complimentary, 1 free) not imported: this Masthead has no memberships"));
        assertThat(first.problems()).anyMatch(p -> p.contains("members row 5") && p.contains("not-an-email"));
    }

    @Test
    void runningItAgainChangesNothing() {
        int articles = newsroom.countArticles(null, "");
        ImportReport again = migration.importGhost(new Migration.Ghost(export, null, null, null), Migration.Progress.NONE);
        assertThat(again.kinds().get("posts").created()).isZero();
        assertThat(again.kinds().get("pages").created()).isZero();
        assertThat(newsroom.countArticles(null, "")).isEqualTo(articles);
    }

    @Test
    void damagedOrForeignJsonIsRefused() throws IOException {
        Path broken = Files.createTempFile("ghost", ".json");
        Files.writeString(broken, Files.readString(export).substring(0, 300));
        assertThatThrownBy(() -> migration.importGhost(new Migration.Ghost(broken, null, null, null), Migration.Progress.NONE))
                .isInstanceOf(UnusableExport.class).hasMessageContaining("not valid JSON");
        Files.writeString(broken, "{\"posts\": 3}");
        assertThatThrownBy(() -> migration.importGhost(new Migration.Ghost(broken, null, null, null), Migration.Progress.NONE))
                .isInstanceOf(UnusableExport.class).hasMessageContaining("not a Ghost export");
    }
}
