package news.masthead.migration;

import news.masthead.comments.Comment;
import news.masthead.comments.Comments;
import news.masthead.comments.Conversation;
import news.masthead.newsroom.Article;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.syndication.feedin.WebFetch;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WordPress export whose comments come in odd orders and states, and whose images live only on the
 * old site's media host (a local server: some answer, some are missing, huge, slow or loop).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordPressCommentsAndMediaTest {
    static Database db;
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2024-02-01T12:00:00Z"));
    static Newsroom newsroom;
    static PhotoLibrary photos;
    static ImportFeatures features;
    static Migration migration;
    static MediaServer media;
    static Path export;
    static ImportReport first;
    static ImportReport second;

    @BeforeAll
    static void importTwice() throws IOException {
        db = TestDatabases.fresh();
        newsroom = new Newsroom(db, clock);
        photos = new PhotoLibrary(db, clock);
        media = new MediaServer();
        media.bytes("/wp-content/uploads/2020/01/lead.jpg", "image/jpeg", MediaServer.image("jpg", 0x3366aa));
        media.bytes("/wp-content/uploads/2020/01/chart-300x200.png", "image/png", MediaServer.image("png", 0xaa3300));
        media.bytes("/wp-content/uploads/2020/01/huge.jpg", "image/jpeg", new byte[300_000]);
        media.on("/wp-content/uploads/2020/01/slow.jpg", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    out.write(0xff);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        media.redirect("/wp-content/uploads/2020/01/loop.jpg", "/wp-content/uploads/2020/01/loop-again.jpg");
        media.redirect("/wp-content/uploads/2020/01/loop-again.jpg", "/wp-content/uploads/2020/01/loop.jpg");
        // the media host is on this machine: private addresses allowed here, and refused in the test at the end
        WebFetch web = new WebFetch(new WebFetch.Limits(200_000, Duration.ofSeconds(1), Duration.ofSeconds(2), 3), true);
        features = ImportFeatures.on(db, newsroom, clock, web);
        migration = new Migration(db, newsroom, photos, features.features(), clock);
        export = Files.createTempFile("extras", ".xml");
        String wxr = new String(WordPressCommentsAndMediaTest.class.getResourceAsStream("extras.wxr.xml").readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(export, wxr.replace("MEDIA/", media.base() + "/"));
        first = migration.importWordPress(new Migration.WordPress(export, null, null), Migration.Progress.NONE);
        second = migration.importWordPress(new Migration.WordPress(export, null, null), Migration.Progress.NONE);
    }

    @AfterAll
    static void close() {
        media.close();
        db.close();
    }

    static Article article(String slug) {
        return newsroom.article(newsroom.articles(null, "", 0, 50).stream()
                .filter(a -> newsroom.article(a.id()).current().slug().equals(slug)).findFirst().orElseThrow().id());
    }

    @Test
    @Order(1)
    void commentsAreThreadedWhateverTheirOrderInTheExport() {
        Conversation c = features.comments().conversation(article("snow-closes-the-pass").id(), Optional.empty());
        assertThat(c.threads()).hasSize(2);
        Conversation.Thread alice = c.threads().getFirst();
        assertThat(alice.comment().authorName()).isEqualTo("Alice & Co");
        assertThat(alice.replies()).extracting(Comment::authorName).containsExactly("Bob", "Carol"); // Carol answered Bob: same thread
        assertThat(c.threads().get(1).comment().authorName()).isEqualTo("Frank"); // parent not in the export: top level
        assertThat(alice.comment().createdAt()).isEqualTo(Instant.parse("2020-01-10T13:00:00Z"));
        assertThat(alice.comment().imported()).isTrue();
    }

    @Test
    @Order(2)
    void commentHtmlIsReducedToWhatReadersMayWriteAndSanitized() {
        Conversation c = features.comments().conversation(article("snow-closes-the-pass").id(), Optional.empty());
        String html = c.threads().getFirst().comment().bodyHtml();
        assertThat(html).contains("<strong>work</strong>").contains("&amp; thanks")
                .contains("<a href=\"https://example.org/road\"").contains("the road report</a>")
                .doesNotContain("script").doesNotContain("javascript").doesNotContain("alert");
        String bob = c.threads().getFirst().replies().getFirst().bodyHtml();
        assertThat(bob).contains("Stuck at the top for an hour.<br />Second line.").contains("<p>New paragraph.</p>");
    }

    @Test
    @Order(3)
    void unapprovedCommentsAreHeldAndSpamTrashAndPingbacksLeftOut() {
        List<Comment> queue = features.comments().queue();
        assertThat(queue).extracting(Comment::authorName).containsExactly("Dave"); // tags gone, text kept
        assertThat(queue.getFirst().held()).isTrue();
        assertThat(first.kinds().get("comments")).isEqualTo(new ImportReport.Counts(6, 0, 3, 1));
        assertThat(first.problems()).anyMatch(p -> p.contains("repeating another's id"));
        assertThat(first.notes()).anyMatch(n -> n.contains("spam or in the trash"));
        assertThat(first.notes()).anyMatch(n -> n.contains("pingbacks and trackbacks"));
    }

    @Test
    @Order(4)
    void aPostWithClosedCommentsIsClosedAndOneWithOpenCommentsFollowsTheSiteRule() {
        assertThat(features.comments().open(article("snow-closes-the-pass").id())).isFalse();
        // published in 2020 and imported in 2024: the site closes comments 14 days after publishing
        assertThat(features.comments().open(article("a-very-large-photo").id())).isFalse();
        clock.set(Instant.parse("2020-01-12T12:00:00Z"));
        try {
            assertThat(features.comments().open(article("a-very-large-photo").id())).isTrue();
            assertThat(features.comments().open(article("snow-closes-the-pass").id())).isFalse();
        } finally {
            clock.set(Instant.parse("2024-02-01T12:00:00Z"));
        }
    }

    @Test
    @Order(5)
    void runningAgainAddsNoCommentTwice() {
        assertThat(second.kinds().get("comments").created()).isZero();
        assertThat(features.comments().conversation(article("snow-closes-the-pass").id(), Optional.empty()).threads()
                .stream().mapToInt(t -> 1 + t.replies().size()).sum()).isEqualTo(4); // and Dave, held
        assertThat(features.comments().queue()).hasSize(1);
    }

    @Test
    @Order(6)
    void importingTheSameCommentThroughTheEntryClassAgainChangesNothing() {
        long id = article("snow-closes-the-pass").id();
        Comments.Imported again = features.comments().importComment(id, new Comments.Import("wordpress", "11", "0", "Someone else",
                "Other text", Instant.parse("2021-01-01T00:00:00Z"), true));
        assertThat(again.created()).isFalse();
        assertThat(features.comments().find(again.commentId()).authorName()).isEqualTo("Alice & Co");
    }

    @Test
    @Order(7)
    void commentsOnADraftAreKeptForWhenItIsPublished() {
        Article draft = article("a-slow-photo");
        newsroom.publish(draft.id(), null);
        assertThat(features.comments().conversation(draft.id(), Optional.empty()).threads())
                .extracting(t -> t.comment().authorName()).containsExactly("Gina");
    }

    @Test
    @Order(10)
    void theFeaturedImageIsFetchedByUrlWithItsCaptionAndAlt() {
        Article a = article("snow-closes-the-pass");
        assertThat(a.current().leadPhotoId()).isNotNull();
        var photo = photos.find(a.current().leadPhotoId()).orElseThrow();
        assertThat(photo.caption()).isEqualTo("The ridge at first light");
        assertThat(photo.altText()).isEqualTo("A ridge under snow");
        assertThat(media.requests.stream().filter(r -> r.endsWith("lead.jpg")).count()).isEqualTo(1); // not again on the re-run
    }

    @Test
    @Order(11)
    void imagesInTheTextComeIntoTheLibraryAndTheTextPointsAtThem() {
        Article a = article("snow-closes-the-pass");
        String markdown = a.current().bodyMarkdown();
        assertThat(markdown).containsPattern("!\\[Snowfall by day]\\(/media/photos/[0-9]+/[0-9]+\\.jpg\\)")
                .doesNotContain("chart-300x200").doesNotContain("srcset");
        assertThat(markdown).contains(media.base() + "/wp-content/uploads/2020/01/gone.jpg"); // could not be fetched: kept
        assertThat(markdown).contains("https://elsewhere.example/badge.png"); // not the site's upload: untouched
        assertThat(a.current().bodyHtml()).containsPattern("<img src=\"/media/photos/[0-9]+/[0-9]+\\.jpg\" alt=\"Snowfall by day\"");
        assertThat(a.current().bodyHtml()).doesNotContain("elsewhere.example/badge.png\""); // the sanitizer allows only our photos
        assertThat(first.problems()).anyMatch(p -> p.contains("gone.jpg") && p.contains("404"));
    }

    @Test
    @Order(12)
    void hugeSlowAndLoopingImagesCostOnlyThemselvesWithAClearReason() {
        assertThat(first.problems()).anyMatch(p -> p.contains("post 302") && p.contains("featured image") && p.contains("too large"));
        assertThat(first.problems()).anyMatch(p -> p.contains("post 303") && p.contains("Timed out"));
        assertThat(first.problems()).anyMatch(p -> p.contains("post 302") && (p.contains("Redirect loop") || p.contains("Too many redirects")));
        assertThat(article("a-very-large-photo").current().leadPhotoId()).isNull();
        assertThat(first.kinds().get("posts")).isEqualTo(new ImportReport.Counts(3, 0, 0, 0));
    }

    @Test
    @Order(20)
    void aMediaHostOnAPrivateAddressIsRefusedWhenTheImportIsForThePublicWeb() throws IOException {
        Database other = TestDatabases.fresh();
        try {
            Newsroom n = new Newsroom(other, clock);
            WebFetch publicOnly = new WebFetch(WebFetch.Limits.images(), false);
            Migration m = new Migration(other, n, new PhotoLibrary(other, clock), ImportFeatures.on(other, n, clock, publicOnly).features(), clock);
            int before = media.requests.size();
            ImportReport report = m.importWordPress(new Migration.WordPress(export, null, null), Migration.Progress.NONE);
            assertThat(report.problems()).anyMatch(p -> p.contains("lead.jpg") && p.contains("private, loopback or reserved"));
            assertThat(media.requests).hasSize(before);
        } finally {
            other.close();
        }
    }
}
