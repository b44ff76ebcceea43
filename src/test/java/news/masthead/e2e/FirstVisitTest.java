package news.masthead.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import news.masthead.comments.SignedInReader;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A true first visit: the browser has no form-token cookie when the article page loads, so the
 * cookie-consent and comments scripts start at once. Both must end up with the same token: the
 * reader accepts the cookie notice AND posts a comment from that same page load, without a 403.
 */
@Tag("browser")
class FirstVisitTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();
    static final String path;

    static {
        app.masthead.newsroom().saveSection(null, "town", "Town", "", 1);
        long id = app.masthead.newsroom().create(ArticleDraft.of("Fair opens", "", "Rides and stalls.", "town"), null);
        app.masthead.newsroom().publish(id, null);
        path = app.masthead.newsroom().live(id).orElseThrow().path();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @RepeatedTest(3)
    void onAFirstVisitTheReaderAcceptsCookiesAndPostsACommentFromOnePageLoad() {
        SignedInReader reader = SignedInReader.signIn(app, "first-" + System.nanoTime() + "@example.org", "Newcomer");
        BrowserContext context = browser.context();
        // only the reader's session: no form-token cookie, as on a first visit to the site's pages
        context.addCookies(List.of(new Cookie("mh_reader", reader.session()).setDomain("localhost").setPath("/")));
        Page page = context.newPage();
        List<String> problems = new ArrayList<>();
        List<String> minted = new ArrayList<>();
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                problems.add(r.status() + " " + r.url());
            }
            String setCookie = r.headerValue("set-cookie");
            if (setCookie != null && setCookie.contains("mh_csrf=")) {
                minted.add(r.url());
            }
        });
        page.navigate(app.url(path));
        page.locator("#consent-banner").getByText("Accept all").click();
        page.locator("#consent-banner").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        page.getByLabel("Your comment").fill("Lovely to see the fair back.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
        page.locator("[role=status]").waitFor();
        assertThat(page.locator("[role=status]").textContent()).contains("waits for a moderator");
        assertThat(problems).isEmpty();
        assertThat(minted).hasSize(1).allSatisfy(url -> assertThat(url).endsWith("/csrf"));
        assertThat(context.cookies()).filteredOn(c -> c.name.equals("mh_consent")).hasSize(1);
        assertThat(app.masthead.comments().exportFor(reader.reader().id()).toString()).contains("Lovely to see the fair back.");
        context.close();
    }
}
