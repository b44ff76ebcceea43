package news.masthead.e2e;

import com.microsoft.playwright.Page;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("browser")
class NotFoundPageTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void aReaderWhoFollowsADeadLinkGetsAnAccessiblePageWithAWayBack() {
        Page page = browser.page();
        var response = page.navigate(app.url("/no/such/story"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1").textContent()).isEqualTo("Page not found");
        assertThat(page.locator("a[href='/']").count()).isGreaterThan(0);
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
    }
}
