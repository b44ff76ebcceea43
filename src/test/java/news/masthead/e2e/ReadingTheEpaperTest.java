package news.masthead.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import news.masthead.comments.SignedInReader;
import news.masthead.epaper.DemoPrint;
import news.masthead.epaper.Printing;
import news.masthead.membership.Plan;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Readers and the ePaper in Chromium: a member pages through with the keyboard; others get the join box. */
@Tag("browser")
class ReadingTheEpaperTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();
    static final LocalDate day = LocalDate.of(2026, 11, 20);
    static final Printing printing = app.masthead.epaper().publish(day, DemoPrint.pdf("The Daily", day, 4), List.of(), "test");

    static {
        app.masthead.membership().ensureDemoPlans();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    static Page pageAs(SignedInReader reader) {
        BrowserContext context = browser.context();
        // a returning visitor who answered the cookie notice before: nothing covers the page
        context.addCookies(List.of(new Cookie("mh_csrf", "returning-visitor-token-0123456789abcdefghi").setDomain("localhost").setPath("/")));
        if (reader != null) {
            context.addCookies(List.of(new Cookie("mh_reader", reader.session()).setDomain("localhost").setPath("/")));
        }
        return context.newPage();
    }

    @Test
    void aMemberPagesThroughWithTheKeyboardAndReadsAPagesText() {
        SignedInReader member = SignedInReader.signIn(app, "paper@example.org", "Pia");
        Plan plan = app.masthead.membership().activePlans().stream().filter(p -> p.entitlements().contains("epaper")).findFirst().orElseThrow();
        app.masthead.membership().grantComplimentary(member.reader().id(), plan.id(), app.clock.instant().plus(Duration.ofDays(30)), "test");
        Page page = pageAs(member);
        page.navigate(app.url("/epaper"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edition of " + day)).click();
        page.waitForURL("**/epaper/" + day + "/1");
        assertThat(page.locator("h1").textContent()).isEqualTo("Page 1 of 4");
        page.keyboard().press("ArrowRight");
        page.waitForURL("**/epaper/" + day + "/2");
        page.keyboard().press("ArrowRight");
        page.waitForURL("**/epaper/" + day + "/3");
        page.keyboard().press("ArrowLeft");
        page.waitForURL("**/epaper/" + day + "/2");
        assertThat(page.locator("#epaper-image").evaluate("img => img.complete && img.naturalWidth > 0")).isEqualTo(true);
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Text of this page")).click();
        page.waitForURL("**/epaper/" + day + "/2/text");
        assertThat(page.locator("main").textContent()).contains("Council agrees on the new bus timetable");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
    }

    @Test
    void aReaderWithoutTheEpaperGetsTheJoinBoxAndNoPdf() {
        SignedInReader reader = SignedInReader.signIn(app, "curious@example.org", "Cy");
        Page page = pageAs(reader);
        Response viewer = page.navigate(app.url("/epaper/" + day + "/1"));
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Read the ePaper")).isVisible()).isTrue();
        assertThat(page.locator(".epaper-join a.button").first().getAttribute("href")).startsWith("/membership/checkout/");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        com.microsoft.playwright.APIResponse pdf = page.request().get(app.url("/epaper/" + day + "/edition.pdf"));
        assertThat(pdf.status()).isEqualTo(403);
        assertThat(page.request().get(app.url("/epaper/images/" + printing.id() + "/2/900.jpg")).status()).isEqualTo(403);
    }
}
