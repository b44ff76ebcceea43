package news.masthead.comments;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.web.WebError;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Comments brought from another system, as readers and staff meet them on a running node. */
class ImportedCommentsTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Comments comments = app.masthead.comments();
    static final Newsroom newsroom = app.masthead.newsroom();

    static {
        newsroom.saveSection(null, "town", "Town", "", 1);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long article() {
        long id = newsroom.create(ArticleDraft.of("Imported story " + System.nanoTime(), "", "Text.", "town"), null);
        newsroom.publish(id, null);
        return id;
    }

    static Comments.Import comment(String id, String parent, String name, String html, boolean approved) {
        return new Comments.Import("wordpress", id, parent, name, html, Instant.parse("2019-05-01T10:00:00Z"), approved);
    }

    @Test
    void anImportedCommentShowsItsAuthorsNameAsTextAndItsBodySanitized() {
        long a = article();
        comments.importComment(a, comment("1", "0", "<script>alert(1)</script>Eve <b>Smith</b>",
                "<p>Hello <img src=x onerror=alert(2)> <em>world</em></p><iframe src=\"https://evil.example\"></iframe>", true));
        HttpResponse<String> fragment = new StaffBrowser(app).get("/comments/" + a + "?fragment");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("Eve Smith").contains("<em>world</em>")
                .doesNotContain("<script").doesNotContain("onerror").doesNotContain("iframe").doesNotContain("alert(1)");
        assertThat(fragment.body()).contains("2019-05-01 10:00 UTC");
    }

    @Test
    void staffCanRejectOrBanAnImportedCommentThatHasNoAccount() {
        long a = article();
        long held = comments.importComment(a, comment("2", "", "Mallory", "Buy things", false)).commentId();
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        assertThat(editor.get("/admin/comments").body()).contains("Mallory");
        assertThat(editor.post("/admin/comments/" + held + "/ban", Map.of()).statusCode()).isEqualTo(303);
        assertThat(comments.find(held).status()).isEqualTo("rejected");
    }

    @Test
    void aClosingFromTheImportNeverOverridesStaff() {
        long a = article();
        comments.reopen(a, "editor");
        assertThat(comments.closeImported(a, "wordpress")).isFalse();
        assertThat(comments.open(a)).isTrue();
        long b = article();
        assertThat(comments.closeImported(b, "wordpress")).isTrue();
        assertThat(comments.open(b)).isFalse();
    }

    @Test
    void anImportedCommentNeedsAnIdATimeAndText() {
        long a = article();
        assertThatThrownBy(() -> comments.importComment(a, comment(" ", "", "X", "Text", true))).isInstanceOf(WebError.class);
        assertThatThrownBy(() -> comments.importComment(a, new Comments.Import("wordpress", "9", "", "X", "Text", null, true)))
                .isInstanceOf(WebError.class);
        assertThatThrownBy(() -> comments.importComment(a, comment("10", "", "X", "<script>only a script</script>", true)))
                .isInstanceOf(WebError.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> comments.importComment(a, comment("11", "", "X", "x".repeat(Comments.MAX_IMPORTED_LENGTH + 1), true)))
                .isInstanceOf(WebError.class);
        assertThatThrownBy(() -> comments.importComment(987654321L, comment("12", "", "X", "Text", true))).isInstanceOf(WebError.class);
    }
}
