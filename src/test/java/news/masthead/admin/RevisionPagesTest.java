package news.masthead.admin;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionPagesTest {
    static final AdminServer server = AdminServer.start();
    static final Newsroom newsroom = server.newsroom;
    static final long contributor = server.staff("con@example.org", "Cora Contributor", "contributor");
    static final long editor = server.staff("ed@example.org", "Eda Editor", "editor");

    static {
        newsroom.saveSection(null, "world", "World", "", 1);
        newsroom.saveSection(null, "culture", "Culture", "", 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theHistoryListsEachRevisionWithWhoAndWhen() {
        long id = newsroom.create(ArticleDraft.of("Opera returns", "", "one", "culture"), editor);
        newsroom.save(id, 1, ArticleDraft.of("Opera returns", "", "two", "culture"), contributor);
        String page = server.browser(editor).get("/admin/articles/" + id + "/revisions").body();
        assertThat(page).contains("Eda Editor").contains("Cora Contributor").contains("(latest)")
                .contains("/revisions/1/restore").doesNotContain("/revisions/2/restore");
        assertThat(server.browser(contributor).get("/admin/articles/" + id + "/revisions").body()).doesNotContain("/restore");
    }

    @Test
    void theDiffMarksInsertedAndDeletedWordsAndEscapesTheText() {
        long id = newsroom.create(ArticleDraft.of("Tags & <b>bold</b> claims", "", "Keep this line\nThe <b>old</b> & tired claim\nEnd", "world"), editor);
        newsroom.save(id, 1, new ArticleDraft("Tags & <b>bold</b> claims", "", "", "Keep this line\nThe <b>new</b> & tired claim\nEnd\nAdded <i>line</i>",
                null, "culture", java.util.List.of(), java.util.List.of("Opera"), "", "", "", ""), editor);
        var response = server.browser(contributor).get("/admin/articles/" + id + "/diff?from=1&to=2");
        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("<del>old</del>").contains("<ins>new</ins>").contains("&lt;b&gt;").contains("&amp; tired")
                .doesNotContain("<b>old").doesNotContain("<i>line").contains("<ins>Added &lt;i&gt;line&lt;/i&gt;</ins>");
        assertThat(page).contains("Section").contains("World").contains("Culture").contains("Opera");
    }

    @Test
    void aDiffBetweenRevisionsThatDoNotExistIsRefused() {
        long id = newsroom.create(ArticleDraft.of("Short", "", "x", "world"), editor);
        var browser = server.browser(editor);
        assertThat(browser.get("/admin/articles/" + id + "/diff?from=1&to=7").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/articles/" + id + "/diff?from=x&to=1").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/articles/" + id + "/diff").statusCode()).isEqualTo(200);
    }

    @Test
    void anEditorRestoresAnOldRevisionAsANewOne() {
        long id = newsroom.create(ArticleDraft.of("Museum fire", "", "The first account", "culture"), editor);
        newsroom.save(id, 1, ArticleDraft.of("Museum fire", "", "A wrong rewrite", "culture"), editor);
        assertThat(server.browser(contributor).post("/admin/articles/" + id + "/revisions/1/restore", "baseRevision", "2").statusCode())
                .isEqualTo(403);
        var restored = server.browser(editor).post("/admin/articles/" + id + "/revisions/1/restore", "baseRevision", "2");
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(newsroom.article(id).current().number()).isEqualTo(3);
        assertThat(newsroom.article(id).current().bodyMarkdown()).isEqualTo("The first account");
        var stale = server.browser(editor).post("/admin/articles/" + id + "/revisions/2/restore", "baseRevision", "2");
        assertThat(stale.statusCode()).isEqualTo(409);
    }
}
