package news.masthead.magazine;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.PhotoDetails;
import news.masthead.platform.web.WebError;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MagazineTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Newsroom newsroom = app.masthead.newsroom();
    static final Magazine magazine = app.masthead.magazine();
    static final StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
    static final AtomicInteger NUMBER = new AtomicInteger(100);

    static {
        newsroom.saveSection(null, "languages", "Languages", "", 5);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long published(String headline) {
        long id = newsroom.create(ArticleDraft.of(headline, "A standfirst about " + headline + ".", "The body of " + headline + ".",
                "languages"), null);
        newsroom.publish(id, null);
        return id;
    }

    static Issue issue(String title) {
        int n = NUMBER.incrementAndGet();
        return magazine.create(new IssueDraft(n, title, YearMonth.of(2026, 1 + n % 12), "", null, "Dear reader, *welcome*."));
    }

    static long createdThroughAdmin(String number, String title, String month) {
        HttpResponse<String> created = editor.post("/admin/magazine", Map.of("number", number, "title", title, "month", month,
                "slug", "", "coverPhotoId", "", "letter", "Welcome to the **spring** issue."));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static long photo() {
        BufferedImage image = new BufferedImage(400, 560, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, 400, 560);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new news.masthead.newsroom.PhotoLibrary(app.database, app.clock)
                .upload("cover.png", out.toByteArray(), new PhotoDetails("A blue cover", "Test desk", "A plain blue cover", "")).id();
    }

    @Test
    void anEditorMakesAnIssueFillsItsContentsAndPublishesItToTheArchive() {
        long verbs = published("Irregular verbs without tears");
        long travel = published("Ordering coffee in Lisbon");
        long cover = photo();
        long id = createdThroughAdmin("7", "Spring words", "2026-03");
        assertThat(editor.post("/admin/magazine/" + id, Map.of("number", "7", "title", "Spring words", "month", "2026-03",
                "slug", "spring-words", "coverPhotoId", String.valueOf(cover), "letter", "Welcome to the **spring** issue.")).statusCode())
                .isEqualTo(303);
        assertThat(editor.post("/admin/magazine/" + id + "/contents", Map.of("contents", verbs + " | Grammar\n\n" + travel + " | Travel\n"))
                .statusCode()).isEqualTo(303);
        assertThat(app.get("/magazine/spring-words").statusCode()).isEqualTo(404);
        assertThat(app.get("/magazine").body()).doesNotContain("Spring words");

        assertThat(editor.post("/admin/magazine/" + id + "/publish", Map.of()).statusCode()).isEqualTo(303);

        String archive = app.get("/magazine").body();
        assertThat(archive).contains("Issue 7: Spring words", "href=\"/magazine/spring-words\"", "March 2026", "/media/photos/" + cover + "/");
        HttpResponse<String> page = app.get("/magazine/spring-words");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Surrogate-Key").orElse("")).contains("magazine:" + id, "article:" + verbs);
        assertThat(page.body()).contains("<strong>spring</strong>", "Grammar", "Travel", "Irregular verbs without tears",
                "Ordering coffee in Lisbon", "A standfirst about Ordering coffee in Lisbon.");
        assertThat(page.body().indexOf("Irregular verbs")).isLessThan(page.body().indexOf("Ordering coffee"));
        assertThat(page.body()).doesNotContain("The body of Irregular verbs");
        assertThat(editor.get("/admin/magazine").body()).contains("Issue 7: Spring words", "published");
    }

    @Test
    void theIssuePageIsCachedAndChangesWhenTheIssueChanges() {
        long a = published("False friends in Italian");
        Issue issue = issue("Friends and enemies");
        magazine.setContents(issue.id(), List.of(new Entry(a, "")));
        magazine.publish(issue.id());
        HttpResponse<String> first = app.get(issue.path());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(app.get(issue.path()).headers().firstValue("ETag")).contains(etag);

        long b = published("Tongue twisters for the brave");
        magazine.setContents(issue.id(), List.of(new Entry(b, "Fun"), new Entry(a, "")));

        String after = app.get(issue.path()).body();
        assertThat(after).contains("Tongue twisters for the brave", "Fun");
        assertThat(after.indexOf("Tongue twisters")).isLessThan(after.indexOf("False friends"));
        magazine.update(issue.id(), new IssueDraft(issue.number(), "Friends, enemies and twisters", issue.month(), issue.slug(), null, ""));
        assertThat(app.get(issue.path()).body()).contains("Friends, enemies and twisters");
        assertThat(app.get("/magazine").body()).contains("Friends, enemies and twisters");
    }

    @Test
    void articlesInAnIssueNeedTheMagazineEntitlement() {
        long in = published("The subjunctive, gently");
        long out = published("Weather words");
        Issue issue = issue("Moods");
        assertThat(magazine.requirementOf(in)).isEmpty();
        magazine.setContents(issue.id(), List.of(new Entry(in, "Grammar")));
        // gated from the moment it is picked, so next month's articles are not free before the issue is out
        assertThat(magazine.requirementOf(in)).contains("magazine");
        assertThat(magazine.requirementOf(out)).isEmpty();
        magazine.setContents(issue.id(), List.of());
        assertThat(magazine.requirementOf(in)).isEmpty();
    }

    @Test
    void articlePagesAndTeasersSayWhichPublishedIssueTheyAreIn() {
        long id = published("Counting in Finnish");
        String path = newsroom.article(id).path();
        assertThat(app.get(path).body()).doesNotContain("In Issue");   // cached now, without a label
        Issue issue = issue("Numbers");
        magazine.setContents(issue.id(), List.of(new Entry(id, "")));
        assertThat(app.get(path).body()).as("a draft issue is not announced").doesNotContain("In Issue");

        magazine.publish(issue.id());

        String page = app.get(path).body();
        assertThat(page).contains("In Issue " + issue.number() + ": Numbers", "href=\"" + issue.path() + "\"");
        assertThat(app.get("/languages").body()).contains("In Issue " + issue.number() + ": Numbers");
        magazine.unpublish(issue.id());
        assertThat(app.get(path).body()).doesNotContain("In Issue");
        assertThat(app.get(issue.path()).statusCode()).isEqualTo(404);
    }

    @Test
    void badIssuesAreRefusedNamingTheField() {
        HttpResponse<String> month = editor.post("/admin/magazine", Map.of("number", "3", "title", "T", "month", "March",
                "slug", "", "coverPhotoId", "", "letter", ""));
        assertThat(month.statusCode()).isEqualTo(400);
        assertThat(month.body()).contains("YYYY-MM", "id=\"month\" name=\"month\" required placeholder=\"2026-03\" value=\"March\" aria-invalid=\"true\"");
        assertThat(editor.post("/admin/magazine", Map.of("number", "x", "title", "T", "month", "2026-01", "slug", "", "coverPhotoId", "",
                "letter", "")).statusCode()).isEqualTo(400);
        Issue issue = issue("Duplicates");
        assertThatThrownBy(() -> magazine.create(new IssueDraft(issue.number(), "Again", YearMonth.of(2026, 5), "", null, "")))
                .isInstanceOf(WebError.class).extracting("field").isEqualTo("number");
        assertThatThrownBy(() -> magazine.create(new IssueDraft(99_001, "Again", YearMonth.of(2026, 5), issue.slug(), null, "")))
                .isInstanceOf(WebError.class).extracting("field").isEqualTo("slug");
        assertThatThrownBy(() -> new IssueDraft(1, "T", YearMonth.of(2026, 5), "Not A Slug", null, ""))
                .isInstanceOf(WebError.class).extracting("field").isEqualTo("slug");
        HttpResponse<String> contents = editor.post("/admin/magazine/" + issue.id() + "/contents", Map.of("contents", "999999\n"));
        assertThat(contents.statusCode()).isEqualTo(400);
        assertThat(contents.body()).contains("There is no article 999999");
        assertThat(editor.post("/admin/magazine/" + issue.id() + "/contents", Map.of("contents", "hello | x")).statusCode()).isEqualTo(400);
        long a = published("Twice over");
        assertThatThrownBy(() -> magazine.setContents(issue.id(), List.of(new Entry(a, ""), new Entry(a, ""))))
                .isInstanceOf(WebError.class).extracting("field").isEqualTo("contents[1]");
        assertThat(app.get("/magazine/no-such-issue").statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/magazine/abc").statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/magazine/987654").statusCode()).isEqualTo(404);
    }

    @Test
    void readersCannotReachTheMagazineAdmin() {
        assertThat(app.get("/admin/magazine").statusCode()).isIn(302, 303, 401);
        StaffBrowser contributor = StaffBrowser.signedIn(app, Role.CONTRIBUTOR);
        assertThat(contributor.get("/admin/magazine").statusCode()).isEqualTo(403);
    }

    @Test
    void anArticleThatEntersAnIssueIsGatedForEveryoneWithoutTheMagazine() {
        String secret = "Only subscribers to the magazine read this fourth paragraph about the subjunctive.";
        long id = newsroom.create(ArticleDraft.of("The subjunctive, gently", "A standfirst.",
                "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n\n" + secret + "\n\nFifth paragraph.", "languages"), null);
        newsroom.publish(id, null);
        String path = newsroom.live(id).orElseThrow().path();
        assertThat(app.get(path).body()).as("free before it is in an issue").contains(secret);

        Issue issue = issue("Moods and tenses");
        magazine.setContents(issue.id(), List.of(new Entry(id, "Grammar")));

        assertThat(magazine.requirementOf(id)).contains(Magazine.ENTITLEMENT);
        HttpResponse<String> page = app.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(secret).contains("join-box");
        assertThat(app.get("/feed.json").body()).doesNotContain(secret);
    }
}
