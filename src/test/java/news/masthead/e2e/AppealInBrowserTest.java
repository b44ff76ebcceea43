package news.masthead.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import com.microsoft.playwright.options.WaitForSelectorState;
import news.masthead.appeals.FrequencyCaps;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader meets the "Dear Reader" appeal in Chromium: it shows after three article views, X hides
 * it for the visit, "Show me later" until the snooze ends on the server's clock, and "Don't show it
 * again" for good, on this browser and, once signed in, on another one.
 */
@Tag("browser")
class AppealInBrowserTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();
    static final List<String> articles = new ArrayList<>();

    static {
        app.masthead.newsroom().saveSection(null, "city", "City", "", 1);
        for (int i = 1; i <= 6; i++) {
            long id = app.masthead.newsroom().create(ArticleDraft.of("City story " + i, "", "First paragraph " + i
                    + ".\n\nSecond paragraph.\n\nThird paragraph.", "city"), null);
            app.masthead.newsroom().publish(id, null);
            articles.add(app.masthead.newsroom().live(id).orElseThrow().path());
        }
        app.masthead.membership().ensureDemoPlans();
        app.masthead.appeals().ensureDemoAppeal();
        // the caps are other tests' business: here every eligible view may show the appeal
        app.masthead.appeals().saveCaps(new FrequencyCaps(0, 100, 7));
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    /** Opens an article and waits until the appeal script has had its answer (and a moment to show it). */
    static void read(Page page, int article) {
        page.waitForResponse(r -> r.url().contains("/appeals/next"), () -> page.navigate(app.url(articles.get(article % articles.size()))));
        page.waitForTimeout(300);
    }

    static Locator dialog(Page page) {
        return page.locator("dialog.appeal");
    }

    static Page firstVisit(BrowserContext context, List<String> problems) {
        // a returning visitor's CSRF cookie: on a very first visit consent.js and comments.js may each be handed a
        // new token (the known race noted on the issue; appeal.js asks for none until it posts), not this test's subject
        context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("mh_csrf", "returning-visitor-token-0123456789abcdefghi")
                .setDomain("localhost").setPath("/")));
        Page page = context.newPage();
        page.onResponse(r -> { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico") && !r.url().contains("/appeals/answer")) problems.add(r.status() + " " + r.url()); });
        page.onConsoleMessage(m -> { if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) problems.add(m.text()); });
        read(page, 0);
        page.locator("#consent-banner").getByText("Reject all").click();
        page.locator("#consent-banner").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        return page;
    }

    @Test
    void anAnonymousReaderSeesTheAppealOnTheThirdArticleAndXHidesItForTheVisit() {
        List<String> problems = new ArrayList<>();
        BrowserContext context = browser.context();
        Page page = firstVisit(context, problems);
        assertThat(dialog(page).count()).isZero();
        read(page, 1);
        assertThat(dialog(page).count()).isZero();
        read(page, 2);
        dialog(page).waitFor();
        assertThat(dialog(page).isVisible()).isTrue();
        assertThat(dialog(page).getAttribute("open")).isNotNull();
        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Dear Reader"))
                .or(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keep local news open for everyone"))).count()).isEqualTo(1);
        assertThat(dialog(page).textContent()).contains("Publisher and CEO").contains("Editor").contains("The Premium section")
                .contains("The ePaper").contains("per month");
        assertThat(page.evaluate("document.querySelector('dialog.appeal').contains(document.activeElement)")).isEqualTo(true);
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).click();
        assertThat(dialog(page).count()).isZero();
        read(page, 3);
        assertThat(dialog(page).count()).as("closed for this visit").isZero();

        // a new visit (a new tab: fresh session storage) may show it again
        Page again = context.newPage();
        read(again, 4);
        dialog(again).waitFor();
        assertThat(problems).isEmpty();
        context.close();
    }

    @Test
    void escClosesTheDialogLikeXAndFocusGoesBackWhereItWas() {
        BrowserContext context = browser.context();
        Page page = firstVisit(context, new ArrayList<>());
        read(page, 1);
        read(page, 2);
        dialog(page).waitFor();
        assertThat(page.evaluate("document.querySelector('dialog.appeal').contains(document.activeElement)")).isEqualTo(true);
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.querySelector('dialog.appeal').contains(document.activeElement)")).as("focus stays in the modal dialog").isEqualTo(true);
        page.waitForResponse(r -> r.url().contains("/appeals/answer"), () -> page.keyboard().press("Escape"));
        assertThat(dialog(page).count()).isZero();
        assertThat(page.evaluate("document.activeElement === document.body")).isEqualTo(true);
        assertThat(page.evaluate("sessionStorage.getItem('mh_appeal_x')")).isNotNull();
        read(page, 3);
        assertThat(dialog(page).count()).isZero();
        context.close();
    }

    @Test
    void showMeLaterHidesItUntilTheSnoozeEndsOnTheServersClock() {
        BrowserContext context = browser.context();
        Page page = firstVisit(context, new ArrayList<>());
        read(page, 1);
        read(page, 2);
        dialog(page).waitFor();
        page.waitForResponse(r -> r.url().contains("/appeals/answer"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show me later")).click());
        assertThat(dialog(page).count()).isZero();
        read(page, 3);
        assertThat(dialog(page).count()).isZero();
        app.clock.advance(Duration.ofDays(6));
        read(context.newPage(), 4);
        assertThat(context.pages().getLast().locator("dialog.appeal").count()).as("six days later").isZero();
        app.clock.advance(Duration.ofDays(1).plusMinutes(1));
        Page later = context.newPage();
        read(later, 5);
        dialog(later).waitFor();
        context.close();
    }

    @Test
    void dontShowItAgainHoldsAcrossReloadsAndOnAnotherBrowserOnceSignedIn() {
        BrowserContext first = browser.context();
        Page page = firstVisit(first, new ArrayList<>());
        read(page, 1);
        read(page, 2);
        dialog(page).waitFor();
        page.waitForResponse(r -> r.url().contains("/appeals/answer"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Don't show it again")).click());
        for (int i = 3; i < 7; i++) {
            read(page, i);
            assertThat(dialog(page).count()).isZero();
        }
        Page tab = first.newPage();
        read(tab, 1);
        assertThat(dialog(tab).count()).isZero();

        // signing in carries the choice to the account
        signIn(page, "loyal@example.org");
        page.waitForResponse(r -> r.url().contains("/appeals/carry") && r.status() == 200,
                () -> page.navigate(app.url(articles.get(0))));

        BrowserContext second = browser.context();
        Page elsewhere = firstVisit(second, new ArrayList<>());
        signIn(elsewhere, "loyal@example.org");
        for (int i = 0; i < 5; i++) {
            read(elsewhere, i);
            assertThat(dialog(elsewhere).count()).as("view %d on the second browser", i + 1).isZero();
        }
        first.close();
        second.close();
    }

    /** A new appeal through the admin form, for one section, shown from the first view. */
    static String appealIn(String section, String format) {
        app.masthead.newsroom().saveSection(null, section, section, "", 2);
        long id = app.masthead.newsroom().create(ArticleDraft.of("A " + section + " story", "", "One.\n\nTwo.\n\nThree.\n\nFour.", section), null);
        app.masthead.newsroom().publish(id, null);
        java.util.Map<String, String> form = new java.util.HashMap<>(java.util.Map.of("name", format + " appeal", "format", format,
                "afterParagraph", "2", "sections", section, "minViews", "0", "active", "on", "titleA", "Support the " + section + " desk",
                "bodyA", "Local reporting costs money.", "ctaA", "Join for $5 per month"));
        assertThat(StaffBrowser.signedIn(app, Role.EDITOR).post("/admin/appeals", form).statusCode()).isEqualTo(303);
        return app.masthead.newsroom().live(id).orElseThrow().path();
    }

    @Test
    void aBannerShiftsNothingIsKeyboardReachableAndRespectsReducedMotion() {
        String path = appealIn("harbour", "banner");
        BrowserContext context = browser.context();
        Page page = firstVisit(context, new ArrayList<>());
        page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
        page.waitForResponse(r -> r.url().contains("/appeals/next"), () -> page.navigate(app.url(path)));
        Locator banner = page.locator("section.appeal-banner");
        banner.waitFor();
        assertThat(banner.getAttribute("aria-labelledby")).isEqualTo("appeal-title");
        assertThat(page.evaluate("getComputedStyle(document.querySelector('.appeal-banner')).position")).isEqualTo("fixed");
        assertThat(page.evaluate("getComputedStyle(document.querySelector('.appeal-banner')).animationName")).isEqualTo("none");
        // the page lays out the same with and without the banner: it takes no place in the flow
        Object same = page.evaluate("""
                () => {
                  const banner = document.querySelector('.appeal-banner');
                  const layout = () => [...document.querySelectorAll('main, main *, .site-footer')]
                      .map(e => { const r = e.getBoundingClientRect(); return r.top + ',' + r.left + ',' + r.height; }).join(';');
                  const withBanner = layout();
                  const parent = banner.parentNode, next = banner.nextSibling;
                  banner.remove();
                  const without = layout();
                  parent.insertBefore(banner, next);
                  return withBanner === without;
                }""");
        assertThat(same).isEqualTo(true);
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        // keyboard: Tab reaches the banner's buttons, Enter on "Show me later" answers
        for (int i = 0; i < 60 && !Boolean.TRUE.equals(page.evaluate("document.activeElement.dataset.act === 'snooze'")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.evaluate("document.activeElement.dataset.act")).isEqualTo("snooze");
        page.waitForResponse(r -> r.url().contains("/appeals/answer"), () -> page.keyboard().press("Enter"));
        assertThat(banner.count()).isZero();

        Page moving = context.newPage();
        moving.waitForResponse(r -> r.url().contains("/appeals/next"), () -> moving.navigate(app.url(appealIn("valley", "banner"))));
        moving.locator("section.appeal-banner").waitFor();
        assertThat(moving.evaluate("getComputedStyle(document.querySelector('.appeal-banner')).animationName")).isEqualTo("appeal-in");
        context.close();
    }

    @Test
    void anInlineAppealSitsAfterTheChosenParagraph() {
        String path = appealIn("meadow", "inline");
        BrowserContext context = browser.context();
        Page page = firstVisit(context, new ArrayList<>());
        page.waitForResponse(r -> r.url().contains("/appeals/next"), () -> page.navigate(app.url(path)));
        page.locator("section.appeal-inline").waitFor();
        assertThat(page.evaluate("document.querySelector('.article-body > p:nth-of-type(2)').nextElementSibling.matches('section.appeal-inline')"))
                .isEqualTo(true);
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        context.close();
    }

    static void signIn(Page page, String email) {
        SignInByMail.signIn(app, page, email);
    }
}
