package news.masthead.admin;

import news.masthead.newsroom.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyPagesTest {
    static final AdminServer server = AdminServer.start();
    static final Newsroom newsroom = server.newsroom;
    static final long contributor = server.staff("con@example.org", "Cora Contributor", "contributor");
    static final long editor = server.staff("ed@example.org", "Eda Editor", "editor");

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anEditorCreatesAndRenamesASection() {
        var browser = server.browser(editor);
        assertThat(browser.post("/admin/sections", "name", "Science", "slug", "", "description", "Labs", "position", "3").statusCode())
                .isEqualTo(303);
        long id = newsroom.section("science").orElseThrow().id();
        assertThat(browser.get("/admin/sections/" + id).body()).contains("value=\"Science\"");
        assertThat(browser.post("/admin/sections/" + id, "name", "Science & Tech", "slug", "science", "description", "", "position", "4")
                .statusCode()).isEqualTo(303);
        assertThat(newsroom.section("science").orElseThrow().name()).isEqualTo("Science & Tech");
        assertThat(browser.get("/admin/sections").body()).contains("Science &amp; Tech");
    }

    @Test
    void aDuplicateSectionAddressShowsTheFormAgain() {
        var browser = server.browser(editor);
        browser.post("/admin/sections", "name", "Sport", "slug", "sport", "position", "1");
        var again = browser.post("/admin/sections", "name", "Sports desk", "slug", "sport", "position", "x");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("value=\"Sports desk\"").contains("position");
        var dup = browser.post("/admin/sections", "name", "Sports desk", "slug", "sport", "position", "2");
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(dup.body()).contains("already exists").contains("value=\"Sports desk\"");
    }

    @Test
    void aContributorSeesButCannotChangeSectionsOrAuthors() {
        var browser = server.browser(contributor);
        assertThat(browser.get("/admin/sections").statusCode()).isEqualTo(200);
        assertThat(browser.post("/admin/sections", "name", "Gossip").statusCode()).isEqualTo(403);
        assertThat(browser.post("/admin/authors", "name", "Anon").statusCode()).isEqualTo(403);
        assertThat(newsroom.section("gossip")).isEmpty();
    }

    @Test
    void anEditorAddsAnAuthorAndTagsAreListed() {
        var browser = server.browser(editor);
        assertThat(browser.post("/admin/authors", "name", "Ana Lyst", "slug", "", "bio", "Writes about <money>", "photoId", "")
                .statusCode()).isEqualTo(303);
        assertThat(newsroom.author("ana-lyst")).hasValueSatisfying(a -> assertThat(a.bio()).isEqualTo("Writes about <money>"));
        assertThat(browser.get("/admin/authors").body()).contains("Writes about &lt;money&gt;");
        assertThat(browser.post("/admin/authors", "name", "Bad Photo", "photoId", "abc").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/tags").statusCode()).isEqualTo(200);
        assertThat(browser.get("/admin/authors/abc").statusCode()).isEqualTo(404);
    }
}
