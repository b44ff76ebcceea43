package news.masthead.migration;

import news.masthead.newsroom.Article;
import news.masthead.newsroom.ArticleLookup;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Photo;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One synthetic WordPress site imported, then imported again; the tests read what landed, in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordPressImportTest {
    static Database db;
    static Clocks.Settable clock = new Clocks.Settable(Instant.parse("2024-02-01T12:00:00Z"));
    static Newsroom newsroom;
    static Migration migration;
    static Path export;
    static ImportReport first;
    static PhotoLibrary photos;
    static Path uploads;

    static ImportReport importAgain() {
        return migration.importWordPress(new Migration.WordPress(export, uploads, null), Migration.Progress.NONE);
    }

    @BeforeAll
    static void importTheSite() throws IOException {
        db = TestDatabases.fresh();
        newsroom = new Newsroom(db, clock);
        newsroom.saveSection(null, "council", "Town Hall", "Ours, already", 3);
        newsroom.addRedirect("/about", "/somewhere/else");
        photos = new PhotoLibrary(db, clock);
        migration = new Migration(db, newsroom, photos, clock);
        export = copy("site.wxr.xml");
        uploads = Files.createTempDirectory("uploads");
        Files.createDirectories(uploads.resolve("2019/03"));
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xff8800);
        ImageIO.write(image, "jpg", uploads.resolve("2019/03/barrier.jpg").toFile());
        first = importAgain();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Path copy(String resource) throws IOException {
        Path file = Files.createTempFile("wxr", ".xml");
        try (InputStream in = WordPressImportTest.class.getResourceAsStream(resource)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** The published article at /section/slug, as the newsroom sees it. */
    static Article live(String section, String slug) {
        ArticleLookup lookup = newsroom.lookup(section, slug);
        assertThat(lookup).isInstanceOf(ArticleLookup.Live.class);
        return newsroom.article(((ArticleLookup.Live) lookup).article().id());
    }

    @Test
    @Order(1)
    void categoriesBecomeSectionsAndAReservedAddressGetsASuffix() {
        assertThat(newsroom.sections()).extracting(s -> s.slug())
                .contains("uncategorized", "local-news", "council", "search-section", "culture", "pages");
        assertThat(newsroom.section("local-news").orElseThrow().name()).isEqualTo("Local News");
        assertThat(newsroom.section("search-section").orElseThrow().name()).isEqualTo("Search & Rescue");
        assertThat(first.problems()).anyMatch(p -> p.contains("/search is an address the site itself uses"));
        assertThat(first.notes()).anyMatch(n -> n.contains("nested categories are flattened"));
    }

    @Test
    @Order(1)
    void whatWasAlreadyStoredIsReusedNotChanged() {
        assertThat(newsroom.section("council").orElseThrow().name()).isEqualTo("Town Hall");
        assertThat(newsroom.redirect("/about")).contains("/somewhere/else");
        assertThat(first.problems()).anyMatch(p -> p.contains("page 106") && p.contains("/about already leads elsewhere"));
    }

    @Test
    @Order(1)
    void aPublishedPostKeepsItsDateItsBylineAndItsOldAddress() {
        Article article = live("local-news", "flood-barrier-opens");
        assertThat(article.current().headline()).isEqualTo("Flood barrier opens & holds");
        assertThat(article.current().standfirst()).isEqualTo("The valley's new flood barrier passed its first test.");
        assertThat(article.firstPublishedAt()).isEqualTo(Instant.parse("2019-03-02T09:30:00Z"));
        assertThat(newsroom.author("jdoe").orElseThrow().name()).isEqualTo("Jane Doe");
        assertThat(article.current().authorIds()).containsExactly(newsroom.author("jdoe").orElseThrow().id());
        assertThat(newsroom.redirect("/2019/03/flood-barrier-opens")).contains("/local-news/flood-barrier-opens");
        assertThat(newsroom.tag("floods")).isPresent();
        assertThat(newsroom.tag("council")).as("a second category becomes a tag").isPresent();
        assertThat(newsroom.tag("unused")).isEmpty();
    }

    @Test
    @Order(1)
    void theBodyIsMarkdownWithShortcodesResolvedAndScriptsGone() {
        String body = live("local-news", "flood-barrier-opens").current().bodyMarkdown();
        assertThat(body).contains("**first**").contains("The barrier at dawn").contains("Residents cheered.")
                .containsPattern("!\\[The barrier]\\(/media/photos/[0-9]+/[0-9]+\\.jpg"); // the image in the text, from the uploads folder
        assertThat(body).doesNotContain("[caption").doesNotContain("[gallery").doesNotContain("<script")
                .doesNotContain("alert(").doesNotContain("<!--more-->");
        assertThat(live("local-news", "flood-barrier-opens").current().bodyHtml()).doesNotContain("<script");
    }

    @Test
    @Order(1)
    void aDuplicateSlugIsNumberedAndAMissingAuthorIsMadeFromTheLogin() {
        Article second = live("search-section", "flood-barrier-opens-2");
        assertThat(second.firstPublishedAt()).isEqualTo(Instant.parse("2019-04-01T07:00:00Z"));
        assertThat(newsroom.author("ghostwriter").orElseThrow().name()).isEqualTo("ghostwriter");
        assertThat(first.problems()).anyMatch(p -> p.contains("post 102") && p.contains("featured image 999 is not in the export"));
        assertThat(first.problems()).anyMatch(p -> p.contains("post 102") && p.contains("longer than 60 characters; left out"));
    }

    @Test
    @Order(1)
    void draftsFutureTrashAndPagesEachGoWhereTheyBelong() {
        assertThat(first.kinds().get("posts")).isEqualTo(new ImportReport.Counts(5, 0, 1, 0));
        assertThat(first.kinds().get("pages")).isEqualTo(new ImportReport.Counts(1, 0, 0, 0));
        assertThat(live("pages", "about").current().bodyMarkdown()).contains("## Who we are");
        assertThat(first.problems()).anyMatch(p -> p.contains("post 104") && p.contains("trash"));
        List<Long> scheduled = newsroom.articles(ArticleStatus.SCHEDULED, "", 0, 10).stream().map(l -> l.id()).toList();
        assertThat(scheduled).hasSize(1);
        assertThat(newsroom.article(scheduled.get(0)).publishAt()).isEqualTo(Instant.parse("2099-05-07T21:00:00Z"));
        assertThat(newsroom.countArticles(ArticleStatus.DRAFT, "")).isEqualTo(2);
        Article untitled = newsroom.article(newsroom.articles(ArticleStatus.DRAFT, "Ünïcode", 0, 1).get(0).id());
        assertThat(untitled.current().headline()).startsWith("Ünïcode everywhere");
        assertThat(untitled.current().bodyMarkdown()).contains("日本語のテキスト").contains("🎉");
        assertThat(newsroom.section("culture")).isPresent();
    }

    @Test
    @Order(1)
    void commentsAreCountedNotStored() {
        assertThat(first.notes()).anyMatch(n -> n.contains("2 comment(s) not imported: this Masthead has no comments feature (comments open on 1 post(s), closed on 1)"));
    }

    @Test
    @Order(1)
    void theFeaturedImageComesFromTheUploadsFolderWithItsCaptionAndAltText() {
        Long photoId = live("local-news", "flood-barrier-opens").current().leadPhotoId();
        assertThat(photoId).isNotNull();
        Photo photo = photos.find(photoId).orElseThrow();
        assertThat(photo.caption()).isEqualTo("The barrier at dawn");
        assertThat(photo.altText()).isEqualTo("A concrete wall by a river");
        assertThat(photo.width()).isEqualTo(320);
        assertThat(first.kinds().get("photos").created()).isEqualTo(1);
    }

    @Test
    @Order(1)
    void theRunIsListedWithItsCounts() {
        Migration.Run run = migration.runs(10).get(0);
        assertThat(run.status()).isEqualTo("finished");
        assertThat(run.fileName()).isEqualTo(export.getFileName().toString());
        assertThat(run.report().kinds().get("posts").created()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void runningItAgainChangesNothing() {
        int articles = newsroom.countArticles(null, "");
        ImportReport again = importAgain();
        assertThat(again.kinds().get("posts")).isEqualTo(new ImportReport.Counts(0, 0, 6, 0));
        assertThat(again.kinds().get("pages")).isEqualTo(new ImportReport.Counts(0, 0, 1, 0));
        assertThat(again.kinds().get("sections").created()).isZero();
        assertThat(newsroom.countArticles(null, "")).isEqualTo(articles);
    }

    @Test
    @Order(3)
    void aChangedPostGetsANewRevisionAndKeepsItsDate() throws IOException {
        Files.writeString(export, Files.readString(export).replace("Residents cheered.", "Residents cheered loudly."));
        ImportReport again = importAgain();
        assertThat(again.kinds().get("posts")).isEqualTo(new ImportReport.Counts(0, 1, 5, 0));
        Article article = live("local-news", "flood-barrier-opens");
        assertThat(article.current().number()).isEqualTo(2);
        assertThat(article.current().bodyMarkdown()).contains("Residents cheered loudly.");
        assertThat(article.firstPublishedAt()).isEqualTo(Instant.parse("2019-03-02T09:30:00Z"));
    }

    @Test
    @Order(4)
    void anArticleEditedInMastheadIsNotOverwritten() throws IOException {
        long id = live("pages", "about").id();
        Article about = newsroom.article(id);
        newsroom.save(id, about.current().number(), news.masthead.newsroom.ArticleDraft.of("About the Courier", "", "Edited here.", "pages"), null);
        Files.writeString(export, Files.readString(export).replace("A small paper.", "A small, proud paper."));
        ImportReport again = importAgain();
        assertThat(again.kinds().get("pages")).isEqualTo(new ImportReport.Counts(0, 0, 1, 0));
        assertThat(again.problems()).anyMatch(p -> p.contains("page 106") && p.contains("edited in Masthead"));
        assertThat(newsroom.article(id).current().headline()).isEqualTo("About the Courier");
    }

    @Test
    @Order(5)
    void anItemCutShortByACrashIsFoundAgainNotDoubled() throws IOException {
        int articles = newsroom.countArticles(null, "");
        // what a crash between the newsroom's create and the ledger's row leaves: a pending row
        db.jdbi().useHandle(h -> h.execute("update import_items set target_id = null, target_revision = null "
                + "where source = 'wordpress' and source_id = '102' and kind = 'post'"));
        ImportReport again = importAgain();
        assertThat(newsroom.countArticles(null, "")).isEqualTo(articles);
        assertThat(again.problems()).anyMatch(p -> p.contains("post 102") && p.contains("found again after an interrupted import"));
        long target = db.jdbi().withHandle(h -> h.createQuery("select target_id from import_items where source_id = '102' and kind = 'post'")
                .mapTo(Long.class).one());
        assertThat(target).isEqualTo(live("search-section", "flood-barrier-opens-2").id());
    }
}
