package news.masthead.admin;

import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class ArticlePagesTest {
    static final AdminServer server = AdminServer.start();
    static final Newsroom newsroom = server.newsroom;
    static final long contributor = server.staff("con@example.org", "Cora Contributor", "contributor");
    static final long editor = server.staff("ed@example.org", "Eda Editor", "editor");
    static final long otherEditor = server.staff("olu@example.org", "Olu Other", "editor");

    static {
        newsroom.saveSection(null, "world", "World", "", 1);
        newsroom.saveSection(null, "business", "Business", "", 2);
        newsroom.saveAuthor(null, "jane-doe", "Jane Doe", "", null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long idFrom(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/admin/articles/(\\d+).*$", "$1"));
    }

    @Test
    void aContributorCreatesAndSavesADraftThroughTheForm() {
        var browser = server.browser(contributor);
        assertThat(browser.get("/admin/articles/new").body()).contains("name=\"headline\"").contains("<meta name=\"csrf\"");
        long author = newsroom.author("jane-doe").orElseThrow().id();
        var created = browser.post("/admin/articles", "action", "save", "headline", "Harbour reopens",
                "standfirst", "After the storm", "body", "First **draft**", "section", "world", "authors", Long.toString(author),
                "tags", "Ports, Weather", "baseRevision", "0");
        assertThat(created.statusCode()).isEqualTo(303);
        long id = idFrom(created);
        assertThat(browser.get("/admin/articles/" + id).body()).contains("Harbour reopens").contains("Ports, Weather");

        var saved = browser.post("/admin/articles/" + id, "action", "save", "headline", "Harbour reopens",
                "standfirst", "After the storm", "body", "Second\r\ndraft", "section", "world", "authors", Long.toString(author),
                "tags", "Ports, Weather", "baseRevision", "1");
        assertThat(saved.statusCode()).isEqualTo(303);
        var article = newsroom.article(id);
        assertThat(article.current().number()).isEqualTo(2);
        assertThat(article.current().bodyMarkdown()).isEqualTo("Second\ndraft");
        assertThat(article.current().authorIds()).containsExactly(author);
        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void savingUnchangedTextMakesNoNewRevision() {
        var browser = server.browser(editor);
        long id = idFrom(browser.post("/admin/articles", "headline", "Quiet day", "body", "Nothing", "section", "world"));
        var again = browser.post("/admin/articles/" + id, "action", "save", "headline", "Quiet day", "body", "Nothing",
                "section", "world", "slug", newsroom.article(id).current().slug(), "baseRevision", "1");
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(newsroom.article(id).current().number()).isEqualTo(1);
    }

    @Test
    void anEditorPublishesFromTheForm() {
        var browser = server.browser(editor);
        var created = browser.post("/admin/articles", "action", "publish", "headline", "Markets rally",
                "standfirst", "Stocks up", "body", "Up *a lot*", "section", "business");
        assertThat(created.statusCode()).isEqualTo(303);
        long id = idFrom(created);
        assertThat(newsroom.live(id)).hasValueSatisfying(live -> assertThat(live.path()).isEqualTo("/business/markets-rally"));
        assertThat(browser.get("/admin/articles/" + id + "?done=published").body()).contains("Published.").contains("View live");
    }

    @Test
    void aContributorCannotPublish() {
        var browser = server.browser(contributor);
        var refused = browser.post("/admin/articles", "action", "publish", "headline", "Sneaky scoop", "body", "x", "section", "world");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(newsroom.articles(null, "Sneaky scoop", 0, 10)).isEmpty();

        long id = newsroom.create(ArticleDraft.of("Contributor piece", "", "text", "world"), contributor);
        var publish = browser.post("/admin/articles/" + id, "action", "publish", "headline", "Contributor piece", "body", "text",
                "section", "world", "baseRevision", "1");
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(newsroom.article(id).status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(browser.get("/admin/articles/" + id).body()).doesNotContain("value=\"publish\"");
    }

    @Test
    void theSecondOfTwoEditorsSavingAtOnceSeesTheConflictWithTheirTextKept() {
        long id = newsroom.create(ArticleDraft.of("Budget vote", "", "Original text", "world"), editor);
        var first = server.browser(editor);
        var second = server.browser(otherEditor);
        first.get("/admin/articles/" + id);
        second.get("/admin/articles/" + id);
        assertThat(second.post("/admin/articles/" + id + "/takeover").statusCode()).isEqualTo(303);
        assertThat(second.post("/admin/articles/" + id, "action", "save", "headline", "Budget vote", "body", "Olu changed this",
                "section", "world", "baseRevision", "1").statusCode()).isEqualTo(303);

        var refused = first.post("/admin/articles/" + id, "action", "save", "headline", "Budget vote passes",
                "body", "Eda wrote three careful paragraphs", "section", "world", "baseRevision", "1");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Olu Other saved a newer version (revision 2)")
                .contains("Eda wrote three careful paragraphs").contains("value=\"Budget vote passes\"")
                .contains("name=\"baseRevision\" value=\"1\"").contains("/diff?from=1&amp;to=2");
        assertThat(newsroom.article(id).current().bodyMarkdown()).isEqualTo("Olu changed this");
    }

    @Test
    void openingAnArticleSomeoneIsEditingOffersATakeOver() {
        long id = newsroom.create(ArticleDraft.of("Election night", "", "text", "world"), editor);
        var holder = server.browser(editor);
        var other = server.browser(otherEditor);
        holder.get("/admin/articles/" + id);
        String page = other.get("/admin/articles/" + id).body();
        assertThat(page).contains("Eda Editor is editing this article (until ").contains("/takeover").contains("Take over");
        assertThat(server.browser(contributor).get("/admin/articles?q=Election").body()).contains("Eda Editor (until");

        var blocked = other.post("/admin/articles/" + id, "action", "save", "headline", "Election night", "body", "mine",
                "section", "world", "baseRevision", "1");
        assertThat(blocked.statusCode()).isEqualTo(409);
        assertThat(blocked.body()).contains("Eda Editor is editing this article").contains("mine");

        assertThat(other.post("/admin/articles/" + id + "/takeover").statusCode()).isEqualTo(303);
        assertThat(other.get("/admin/articles/" + id).body()).doesNotContain("is editing this article");
        var renew = holder.script("/admin/articles/" + id + "/lock");
        assertThat(renew.statusCode()).isEqualTo(200);
        assertThat(renew.body()).contains("\"mine\":false").contains("\"holder\":\"Olu Other\"");
    }

    @Test
    void thePreviewIsSanitizedMarkdownAndNeedsTheCsrfHeader() {
        var browser = server.browser(contributor);
        var preview = browser.script("/admin/preview", "body", "Hi <script>alert(1)</script> **bold** [x](javascript:alert(1))");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<strong>bold</strong>").doesNotContain("<script").doesNotContain("javascript:");
        var forged = AdminServer.send(server.node.http, java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/admin/preview")))
                .header("X-Test-Staff", Long.toString(contributor)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("body=hi")).build());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void thePreviewButtonRendersServerSideWithTheFormKept() {
        var browser = server.browser(contributor);
        var page = browser.post("/admin/articles", "action", "preview", "headline", "Unsaved", "body", "# Big <script>x</script>",
                "section", "world");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Big").doesNotContain("<script>x").contains("value=\"Unsaved\"");
        assertThat(newsroom.articles(null, "Unsaved", 0, 10)).isEmpty();
    }

    @Test
    void aValidationErrorShowsTheFormAgainNamingTheField() {
        var browser = server.browser(editor);
        var page = browser.post("/admin/articles", "action", "save", "headline", "Link test", "body", "Long text kept",
                "section", "world", "canonicalUrl", "ftp://nope");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Long text kept").contains("aria-invalid=\"true\"").contains("<details class=\"more-fields\" open");
    }

    @Test
    void schedulingFromTheFormPublishesWhenTheTimeComes() {
        var site = server.node.masthead.site();
        var current = site.settings();
        site.updateSettings(new news.masthead.site.SiteSettings(current.name(), current.tagline(), current.logoPhotoId(),
                current.language(), "Europe/Berlin", current.footerText()));
        var browser = server.browser(editor);
        long id = newsroom.create(ArticleDraft.of("Embargoed report", "", "text", "world"), editor);
        String at = LocalDateTime.ofInstant(server.node.clock.instant().plus(Duration.ofHours(2)), ZoneId.of("Europe/Berlin"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        var scheduled = browser.post("/admin/articles/" + id, "action", "schedule", "headline", "Embargoed report", "body", "text",
                "section", "world", "baseRevision", "1", "publishAt", at);
        assertThat(scheduled.statusCode()).isEqualTo(303);
        assertThat(newsroom.article(id).status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(newsroom.article(id).publishAt()).isBetween(server.node.clock.instant().plus(Duration.ofMinutes(119)),
                server.node.clock.instant().plus(Duration.ofHours(2)));
        newsroom.publishDue();
        assertThat(newsroom.live(id)).isEmpty();
        server.node.clock.advance(Duration.ofHours(2).plusMinutes(1));
        newsroom.publishDue();
        assertThat(newsroom.live(id)).isPresent();
    }

    @Test
    void anEditorUnpublishesAndAddsACorrection() {
        var browser = server.browser(editor);
        long id = newsroom.create(ArticleDraft.of("Wrong figure", "", "It was 10", "world"), editor);
        newsroom.publish(id, editor);
        assertThat(browser.post("/admin/articles/" + id + "/corrections", "correction", "It was 12, not 10.").statusCode()).isEqualTo(303);
        assertThat(newsroom.live(id).orElseThrow().corrections()).extracting(c -> c.text()).containsExactly("It was 12, not 10.");
        assertThat(server.browser(contributor).post("/admin/articles/" + id + "/corrections", "correction", "no").statusCode()).isEqualTo(403);
        var unpublished = browser.post("/admin/articles/" + id, "action", "unpublish", "headline", "Wrong figure", "body", "It was 10",
                "section", "world", "slug", "wrong-figure", "baseRevision", "1");
        assertThat(unpublished.statusCode()).isEqualTo(303);
        assertThat(newsroom.article(id).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
    }

    @Test
    void theListFiltersByStatusAndHeadline() {
        long id = newsroom.create(ArticleDraft.of("Zebra crossing 100% safe_ly", "", "x", "world"), editor);
        var browser = server.browser(contributor);
        String page = browser.get("/admin/articles?q=zebra+crossing+100%25&status=draft").body();
        assertThat(page).contains("/admin/articles/" + id + "\"").contains("Draft");
        assertThat(browser.get("/admin/articles?q=zebra&status=published").body()).doesNotContain("/admin/articles/" + id + "\"");
        assertThat(browser.get("/admin/articles?q=zebra%25").body()).doesNotContain("/admin/articles/" + id + "\"");
        assertThat(browser.get("/admin/articles?status=bogus").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/articles?page=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void nonNumericOrUnknownIdsAreNotFound() {
        var browser = server.browser(editor);
        assertThat(browser.get("/admin/articles/abc").statusCode()).isEqualTo(404);
        assertThat(browser.get("/admin/articles/99999999999999999999").statusCode()).isEqualTo(404);
        assertThat(browser.get("/admin/articles/987654").statusCode()).isEqualTo(404);
        assertThat(browser.get("/admin/articles/abc/revisions").statusCode()).isEqualTo(404);
    }

    @Test
    void nobodySignedInIsRefused() {
        var response = AdminServer.send(server.node.http, java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.url("/admin/articles"))).GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
    }
}
