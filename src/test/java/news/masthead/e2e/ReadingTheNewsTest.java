package news.masthead.e2e;

import com.microsoft.playwright.Page;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("browser")
class ReadingTheNewsTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();

    static {
        Newsroom newsroom = app.masthead.newsroom();
        newsroom.saveSection(null, "world", "World", "News from everywhere", 1);
        Author ada = newsroom.saveAuthor(null, "ada", "Ada Reporter", "Covers floods.", null);
        long id = newsroom.create(new ArticleDraft("Río floods: what we know", "", "Rivers rose overnight.",
                "Water **everywhere**. [Updates](https://example.org).", null, "world", List.of(ada.id()), List.of("Floods"),
                "rio-floods", "", "", ""), null);
        newsroom.publish(id, null);
        newsroom.addCorrection(id, "An earlier version gave the wrong river.", null);
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void aReaderGoesFromTheFrontPageToAnArticleAndItsAuthorOnAccessiblePages() {
        Page page = browser.page();
        page.navigate(app.url("/"));
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.locator(".lead-story h2 a").click();
        assertThat(page.url()).endsWith("/world/rio-floods");
        assertThat(page.locator("h1").textContent()).isEqualTo("Río floods: what we know");
        assertThat(page.locator(".corrections li").textContent()).contains("wrong river");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.locator(".byline a").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Ada Reporter");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.navigate(app.url("/world"));
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.navigate(app.url("/world/no-such-story"));
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
    }
}
