package news.masthead.comments;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.web.WebError;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Comments through the entry class and over HTTP, against a running node. */
class CommentsTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Comments comments = app.masthead.comments();
    static final Newsroom newsroom = app.masthead.newsroom();
    static final AtomicInteger people = new AtomicInteger();

    static {
        newsroom.saveSection(null, "town", "Town", "", 1);
        newsroom.saveSection(null, "sport", "Sport", "", 2);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long article(String section) {
        long id = newsroom.create(ArticleDraft.of("Story " + people.incrementAndGet(), "", "Text.", section), null);
        newsroom.publish(id, null);
        return id;
    }

    static SignedInReader reader() {
        int n = people.incrementAndGet();
        return SignedInReader.signIn(app, "reader" + n + "@example.org", "Reader Number " + n);
    }

    /** A reader past pre-moderation: two comments approved. */
    static SignedInReader trusted() {
        SignedInReader r = reader();
        long a = article("town");
        for (int i = 0; i < 2; i++) {
            comments.approve(comments.post(r.reader(), a, null, "Warm-up " + i, false, "").id());
            app.clock.advance(Duration.ofSeconds(21));
        }
        return r;
    }

    static Comment post(SignedInReader r, long article, Long parent, String text) {
        app.clock.advance(Duration.ofSeconds(21));
        return comments.post(r.reader(), article, parent, text, false, "");
    }

    static int status(Runnable action) {
        try {
            action.run();
            return 200;
        } catch (WebError e) {
            return e.status();
        }
    }

    @Test
    void aTrustedReadersCommentShowsAtOnceWithItsMarkdownRendered() {
        SignedInReader r = trusted();
        long a = article("town");
        Comment c = post(r, a, null, "I *really* liked it, see [the council](https://example.org/x).\n\n> a quote");
        assertThat(c.status()).isEqualTo("shown");
        assertThat(c.bodyHtml()).contains("<em>really</em>")
                .contains("<a href=\"https://example.org/x\" rel=\"").contains("ugc").contains("nofollow")
                .contains("<blockquote><p>a quote</p></blockquote>");
        HttpResponse<String> fragment = r.browser().get("/comments/" + a + "?fragment");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(fragment.body()).contains("<em>really</em>").contains("Comments (1)").doesNotContain("<html");
        assertThat(comments.counts(List.of(a, 999_999L))).isEqualTo(Map.of(a, 1));
    }

    @Test
    void aReaderFirstCommentsWaitForModerationAndOnlyTheyCanSeeThem() {
        SignedInReader r = reader();
        SignedInReader other = reader();
        long a = article("town");
        Comment first = post(r, a, null, "Hello, first time here");
        assertThat(first.status()).isEqualTo("held");
        assertThat(first.heldBecause()).isEqualTo("first comments");
        assertThat(r.browser().get("/comments/" + a).body()).contains("Hello, first time here").contains("until a moderator approves it");
        assertThat(other.browser().get("/comments/" + a).body()).doesNotContain("Hello, first time here");
        assertThat(comments.queue()).extracting(Comment::id).contains(first.id());
        comments.approve(first.id());
        assertThat(other.browser().get("/comments/" + a).body()).contains("Hello, first time here");
    }

    @Test
    void staffApproveRejectAndBanFromTheQueue() {
        SignedInReader r = reader();
        long a = article("town");
        Comment one = post(r, a, null, "One");
        Comment two = post(r, a, null, "Two");
        Comment three = post(r, a, null, "Three");
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        HttpResponse<String> queue = editor.get("/admin/comments");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("held-" + one.id()).contains("first comments");
        assertThat(editor.post("/admin/comments/" + one.id() + "/approve", Map.of()).statusCode()).isEqualTo(303);
        assertThat(editor.post("/admin/comments/" + two.id() + "/reject", Map.of()).statusCode()).isEqualTo(303);
        assertThat(comments.find(one.id()).status()).isEqualTo("shown");
        assertThat(comments.find(two.id()).status()).isEqualTo("rejected");
        assertThat(editor.post("/admin/comments/" + one.id() + "/ban", Map.of()).statusCode()).isEqualTo(303);
        assertThat(comments.find(three.id()).status()).isEqualTo("rejected");
        app.clock.advance(Duration.ofSeconds(21));
        HttpResponse<String> refused = r.browser().post("/comments/" + a, Map.of("text", "Let me back"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You can no longer comment");
        assertThat(StaffBrowser.signedIn(app, Role.CONTRIBUTOR).get("/admin/comments").statusCode()).isEqualTo(403);
        assertThat(new StaffBrowser(app).get("/admin/comments").statusCode()).isEqualTo(303);
    }

    @Test
    void repliesAreTwoLevelsDeepAndAReplyToAReplyJoinsTheThread() {
        SignedInReader r = trusted();
        long a = article("town");
        Comment top = post(r, a, null, "Top");
        Comment reply = post(r, a, top.id(), "Reply");
        Comment deeper = post(r, a, reply.id(), "Reply to reply");
        assertThat(reply.parentId()).isEqualTo(top.id());
        assertThat(deeper.parentId()).isEqualTo(top.id());
        Conversation c = comments.conversation(a, Optional.empty());
        assertThat(c.threads()).hasSize(1);
        assertThat(c.threads().getFirst().replies()).extracting(Comment::id).containsExactly(reply.id(), deeper.id());
        long elsewhere = article("town");
        assertThat(status(() -> post(r, elsewhere, top.id(), "wrong place"))).isEqualTo(400);
    }

    @Test
    void theAuthorEditsWithinFifteenMinutesButNotAfter() {
        SignedInReader r = trusted();
        long a = article("town");
        Comment c = post(r, a, null, "Frist");
        assertThat(comments.edit(r.reader(), c.id(), "First").bodyText()).isEqualTo("First");
        assertThat(comments.find(c.id()).editedAt()).isNotNull();
        SignedInReader other = trusted();
        assertThat(status(() -> comments.edit(other.reader(), c.id(), "Mine now"))).isEqualTo(403);
        app.clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> late = r.browser().post("/comments/" + a + "/" + c.id() + "/edit", Map.of("text", "Too late"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("can no longer be changed");
        assertThat(comments.find(c.id()).bodyText()).isEqualTo("First");
    }

    @Test
    void deletingOwnCommentLeavesAPlaceholderThatKeepsTheThread() {
        SignedInReader r = trusted();
        SignedInReader other = trusted();
        long a = article("town");
        Comment top = post(r, a, null, "Something I regret");
        post(other, a, top.id(), "A reply that stays");
        assertThat(status(() -> comments.delete(other.reader(), top.id()))).isEqualTo(403);
        HttpResponse<String> deleted = r.browser().post("/comments/" + a + "/" + top.id() + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        String page = other.browser().get("/comments/" + a).body();
        assertThat(page).contains("Comment deleted.").contains("A reply that stays").doesNotContain("Something I regret");
        assertThat(comments.counts(List.of(a))).isEqualTo(Map.of(a, 1));
    }

    @Test
    void aReportPutsTheCommentInTheQueueOnce() {
        SignedInReader r = trusted();
        SignedInReader reporter = reader();
        long a = article("town");
        Comment c = post(r, a, null, "Contested");
        assertThat(reporter.browser().post("/comments/" + a + "/" + c.id() + "/report", Map.of("reason", "rude")).statusCode()).isEqualTo(303);
        reporter.browser().post("/comments/" + a + "/" + c.id() + "/report", Map.of("reason", "rude"));
        assertThat(comments.find(c.id()).reports()).isEqualTo(1);
        assertThat(comments.queue()).extracting(Comment::id).contains(c.id());
        comments.approve(c.id());
        assertThat(comments.queue()).extracting(Comment::id).doesNotContain(c.id());
    }

    @Test
    void heldWordsAndTooManyLinksHoldAComment() {
        SignedInReader r = trusted();
        long a = article("town");
        comments.holdWord("Casino");
        assertThat(post(r, a, null, "Visit the CASINO tonight").heldBecause()).isEqualTo("held word: casino");
        assertThat(post(r, a, null, "Casinos are not the word").status()).isEqualTo("shown");
        assertThat(post(r, a, null, "https://a.example www.b.example [c](https://c.example)").heldBecause())
                .isEqualTo("more than 2 links");
        assertThat(post(r, a, null, "https://a.example and https://b.example").status()).isEqualTo("shown");
        comments.releaseWord("casino");
    }

    @Test
    void commentingTooFastIsRefusedWith429() {
        SignedInReader r = trusted();
        long a = article("town");
        post(r, a, null, "One");
        HttpResponse<String> flood = r.browser().post("/comments/" + a, Map.of("text", "Two at once"));
        assertThat(flood.statusCode()).isEqualTo(429);
        assertThat(flood.body()).contains("wait 20 seconds");
        for (int i = 0; i < 17; i++) {
            post(r, a, null, "Hour " + i);
        }
        app.clock.advance(Duration.ofSeconds(21));
        assertThat(r.browser().post("/comments/" + a, Map.of("text", "Twenty-first")).statusCode()).isEqualTo(429);
        app.clock.advance(Duration.ofHours(1));
        assertThat(r.browser().post("/comments/" + a, Map.of("text", "Later")).statusCode()).isEqualTo(303);
    }

    @Test
    void theHoneypotRefusesAndStoresNothing() {
        SignedInReader r = trusted();
        long a = article("town");
        app.clock.advance(Duration.ofSeconds(21));
        HttpResponse<String> bot = r.browser().post("/comments/" + a, Map.of("text", "Buy now", "website", "http://spam.example"));
        assertThat(bot.statusCode()).isEqualTo(400);
        assertThat(bot.body()).contains("website");
        assertThat(comments.conversation(a, Optional.of(r.reader())).threads()).isEmpty();
    }

    @Test
    void aHugeOrEmptyCommentIsA400NamingTheField() {
        SignedInReader r = trusted();
        long a = article("town");
        app.clock.advance(Duration.ofSeconds(21));
        HttpResponse<String> huge = r.browser().post("/comments/" + a, Map.of("text", "x".repeat(5001)));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("at most 5000 characters");
        HttpResponse<String> viaApi = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/articles/" + a + "/comments")))
                .header("Cookie", "mh_reader=" + r.session()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + "x".repeat(5001) + "\"}")).build());
        assertThat(viaApi.statusCode()).isEqualTo(400);
        assertThat(viaApi.body()).contains("\"field\":\"text\"");
        assertThat(r.browser().post("/comments/" + a, Map.of("text", " \u200b\u202e ")).statusCode()).isEqualTo(400);
        assertThat(post(r, a, null, "y".repeat(5000)).bodyText()).hasSize(5000);
    }

    @Test
    void aFormWithoutTheTokenIsRefusedWith403AndStoresNothing() throws Exception {
        SignedInReader r = trusted();
        long a = article("town");
        app.clock.advance(Duration.ofSeconds(21));
        HttpResponse<String> forged = r.browser().postExactly("/comments/" + a, Map.of("text", "Forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> api = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/articles/" + a + "/comments")))
                .header("Cookie", "mh_reader=" + r.session())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=Forged")).build());
        assertThat(api.statusCode()).isEqualTo(415);
        assertThat(comments.conversation(a, Optional.empty()).threads()).isEmpty();
    }

    @Test
    void theJsonApiListsAndTakesComments() {
        SignedInReader r = trusted();
        long a = article("town");
        app.clock.advance(Duration.ofSeconds(21));
        HttpResponse<String> posted = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/articles/" + a + "/comments")))
                .header("Cookie", "mh_reader=" + r.session()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Via **API**\"}")).build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        HttpResponse<String> list = app.get("/api/v1/articles/" + a + "/comments");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"open\":true").contains("<strong>API</strong>").contains("\"mayWrite\":false");
        assertThat(app.get("/api/v1/articles/987654/comments").statusCode()).isEqualTo(404);
    }

    @Test
    void staffCloseAndReopenAnArticle() {
        SignedInReader r = trusted();
        long a = article("town");
        Comment before = post(r, a, null, "Before closing");
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        assertThat(editor.post("/admin/comments/articles/" + a + "/close", Map.of()).statusCode()).isEqualTo(303);
        String page = r.browser().get("/comments/" + a).body();
        assertThat(page).contains("Comments are closed.").contains("Before closing").doesNotContain("Post comment");
        app.clock.advance(Duration.ofSeconds(21));
        HttpResponse<String> refused = r.browser().post("/comments/" + a, Map.of("text", "After closing"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Comments are closed.");
        assertThat(comments.conversation(a, Optional.empty()).threads()).extracting(t -> t.comment().id()).containsExactly(before.id());
        comments.reopen(a, "Ed");
        assertThat(post(r, a, null, "Open again").status()).isEqualTo("shown");
    }

    @Test
    void articlesCloseByThemselvesAfterTheSitesOrTheSectionsDays() {
        long town = article("town");
        long sport = article("sport");
        long sportSection = newsroom.section("sport").orElseThrow().id();
        comments.setSectionCloseAfterDays(sportSection, 3);
        assertThat(comments.open(town)).isTrue();
        assertThat(comments.open(sport)).isTrue();
        app.clock.advance(Duration.ofDays(4));
        assertThat(comments.open(town)).isTrue();
        assertThat(comments.open(sport)).isFalse();
        assertThat(app.get("/comments/" + sport).body()).contains("Comments are closed.");
        app.clock.advance(Duration.ofDays(11));
        assertThat(comments.open(town)).isFalse();
        comments.reopen(town, "Ed");
        assertThat(comments.open(town)).isTrue();
        comments.setSectionCloseAfterDays(sportSection, null);
    }

    @Test
    void thePolicyDecidesWhoMayWrite() {
        SignedInReader r = trusted();
        long a = article("town");
        assertThat(comments.policy(a)).isEqualTo(Policy.SIGNED_IN);
        assertThat(app.get("/comments/" + a).body()).contains("Sign in to comment.");
        comments.setArticlePolicy(a, Policy.MEMBERS);
        assertThat(comments.conversation(a, Optional.of(r.reader())).why()).isEqualTo("Only members can comment on this article.");
        assertThat(status(() -> post(r, a, null, "Not a member"))).isEqualTo(403);
        comments.setArticlePolicy(a, Policy.NOBODY);
        assertThat(r.browser().get("/comments/" + a).body()).contains("Comments are turned off").doesNotContain("Post comment");
        comments.setArticlePolicy(a, null);
        long sportSection = newsroom.section("sport").orElseThrow().id();
        long s = article("sport");
        comments.setSectionPolicy(sportSection, Policy.NOBODY);
        assertThat(comments.policy(s)).isEqualTo(Policy.NOBODY);
        comments.setArticlePolicy(s, Policy.SIGNED_IN);
        assertThat(post(r, s, null, "Allowed here").status()).isEqualTo("shown");
        comments.setSectionPolicy(sportSection, null);
    }

    @Test
    void aReplyMailsTheReaderWhoAskedForIt() {
        SignedInReader asker = trusted();
        SignedInReader replier = trusted();
        long a = article("town");
        app.clock.advance(Duration.ofSeconds(21));
        Comment top = comments.post(asker.reader(), a, null, "Tell me", true, "");
        post(replier, a, top.id(), "Here you go");
        String mail = app.database.jdbi().withHandle(h -> h.createQuery(
                "select text_body from outbox_mail where recipient = :r and subject = 'New reply to your comment'")
                .bind("r", asker.reader().email()).mapTo(String.class).one());
        assertThat(mail).contains("Here you go").contains("#comment-");
    }

    @Test
    void theArticlePageLeavesCommentsToTheFragment() {
        SignedInReader r = trusted();
        long a = article("town");
        post(r, a, null, "Not in the cached page");
        String path = newsroom.live(a).orElseThrow().path();
        String page = app.get(path).body();
        assertThat(page).contains("id=\"comments-placeholder\"").contains("/assets/comments.js")
                .contains("href=\"/comments/" + a + "\"").doesNotContain("Not in the cached page");
        HttpResponse<String> full = app.get("/comments/" + a);
        assertThat(full.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(full.body()).contains("<html").contains("Not in the cached page").contains("Sign in to comment.");
    }

    @Test
    void bidiAndZeroWidthTricksAreRemoved() {
        assertThat(CommentText.clean("pay\u202Egnp.exe\u2066x\u2069 a\u200Bb\uFEFF")).isEqualTo("paygnp.exex ab");
        assertThat(CommentText.clean("family \uD83D\uDC68\u200D\uD83D\uDC69 ok")).contains("\u200D");
        assertThat(CommentText.clean("x\u200Dy")).isEqualTo("xy");
    }
}
