package news.masthead.comments;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The comment settings screens, and comment counts on cached list pages, over HTTP. */
class CommentSettingsAndCountsTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Comments comments = app.masthead.comments();
    static final long section;

    static {
        section = app.masthead.newsroom().saveSection(null, "harbour", "Harbour", "", 1).id();
        app.masthead.newsroom().saveSection(null, "hills", "Hills", "", 2);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long article(String headline, String sectionSlug) {
        long id = app.masthead.newsroom().create(ArticleDraft.of(headline, "", "Text.", sectionSlug), null);
        app.masthead.newsroom().publish(id, null);
        return id;
    }

    @Test
    void editorsSetWhoMayCommentAndWhenCommentsCloseForTheSiteASectionAndAnArticle() {
        long inHarbour = article("Ferry times", "harbour");
        long inHills = article("Trail report", "hills");
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        HttpResponse<String> page = editor.get("/admin/comments/settings");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Whole site").contains("Harbour").contains("Hills");

        assertThat(editor.post("/admin/comments/settings/site/0", Map.of("policy", "nobody", "days", "30")).statusCode()).isEqualTo(303);
        assertThat(editor.post("/admin/comments/settings/section/" + section, Map.of("policy", "members", "days", "2")).statusCode()).isEqualTo(303);
        assertThat(editor.post("/admin/comments/settings/article", Map.of("article", Long.toString(inHarbour), "policy", "signed_in")).statusCode()).isEqualTo(303);
        try {
            assertThat(comments.policy(inHills)).isEqualTo(Policy.NOBODY);
            assertThat(comments.policy(inHarbour)).isEqualTo(Policy.SIGNED_IN);
            assertThat(editor.get("/admin/comments/settings").body()).contains("Ferry times (article " + inHarbour + ")");
            long other = article("Fish prices", "harbour");
            assertThat(comments.policy(other)).isEqualTo(Policy.MEMBERS);
            app.clock.advance(Duration.ofDays(3));
            assertThat(comments.open(other)).isFalse();
            assertThat(comments.open(inHills)).isTrue();
        } finally {
            editor = StaffBrowser.signedIn(app, Role.EDITOR); // the clock moved past the session's idle time
            editor.post("/admin/comments/settings/site/0", Map.of("policy", "signed_in", "days", "14"));
            editor.post("/admin/comments/settings/section/" + section, Map.of("policy", "", "days", ""));
        }
        assertThat(comments.policy(article("Quay works", "harbour"))).isEqualTo(Policy.SIGNED_IN);
    }

    @Test
    void badSettingsAreRefusedAndOnlyEditorsMayChangeThem() {
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        assertThat(editor.post("/admin/comments/settings/site/0", Map.of("policy", "everyone", "days", "14")).statusCode()).isEqualTo(400);
        assertThat(editor.post("/admin/comments/settings/site/0", Map.of("policy", "nobody", "days", "0")).statusCode()).isEqualTo(400);
        assertThat(editor.post("/admin/comments/settings/site/0", Map.of("policy", "nobody", "days", "")).statusCode()).isEqualTo(400);
        assertThat(comments.policy(article("Still open", "hills"))).isEqualTo(Policy.SIGNED_IN);
        assertThat(editor.post("/admin/comments/settings/section/999999", Map.of("policy", "nobody", "days", "")).statusCode()).isEqualTo(404);
        assertThat(editor.post("/admin/comments/settings/article", Map.of("article", "999999", "policy", "nobody")).statusCode()).isEqualTo(404);
        assertThat(editor.post("/admin/comments/settings/planet/1", Map.of("policy", "nobody")).statusCode()).isEqualTo(404);
        assertThat(editor.postExactly("/admin/comments/settings/site/0", Map.of("policy", "nobody", "days", "14")).statusCode()).isEqualTo(403);
        StaffBrowser contributor = StaffBrowser.signedIn(app, Role.CONTRIBUTOR);
        assertThat(contributor.get("/admin/comments/settings").statusCode()).isEqualTo(403);
        assertThat(contributor.post("/admin/comments/settings/site/0", Map.of("policy", "nobody", "days", "14")).statusCode()).isEqualTo(403);
    }

    @Test
    void listPagesShowCommentCountsThatFollowModerationThoughTheyAreCached() {
        long id = article("Lighthouse repainted", "hills");
        SignedInReader ana = SignedInReader.signIn(app, "ana.counts@example.org", "Ana");
        Comment first = comments.post(ana.reader(), id, null, "Looks great.", false, "");
        assertThat(app.get("/hills").body()).contains("Lighthouse repainted").doesNotContain("1 comment");
        assertThat(app.get("/hills").body()).doesNotContain("1 comment"); // served from the cache now
        comments.approve(first.id());
        assertThat(app.get("/hills").body()).contains(">1 comment<");
        assertThat(app.get("/").body()).contains(">1 comment<");
        app.clock.advance(Duration.ofMinutes(1));
        Comment second = comments.post(ana.reader(), id, null, "Really.", false, "");
        comments.approve(second.id());
        assertThat(app.get("/hills").body()).contains(">2 comments<");
        comments.delete(ana.reader(), second.id());
        assertThat(app.get("/hills").body()).contains(">1 comment<");
        comments.reject(first.id());
        assertThat(app.get("/hills").body()).doesNotContain("1 comment").contains("Lighthouse repainted");
        assertThat(comments.conversation(id, Optional.empty()).threads()).hasSize(1);
    }
}
