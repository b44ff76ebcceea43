package news.masthead.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import news.masthead.app.demo.HouseAds;
import news.masthead.comments.SignedInReader;
import news.masthead.membership.Plan;
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

/** Readers see first-party house ads in Chromium; a member with ad-light sees none. */
@Tag("browser")
class SeeingAdsTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();
    static final String path;

    static {
        app.masthead.membership().ensureDemoPlans();
        new HouseAds(app.masthead.ads()).ensure();
        app.masthead.newsroom().saveSection(null, "town", "Town", "", 1);
        long id = app.masthead.newsroom().create(ArticleDraft.of("Library opens late on Thursdays", "More hours for readers.",
                "The library stays open until nine.\n\nStaff volunteered for the evenings.\n\nThe council pays the heating.\n\n"
                        + "Readers asked for it in a survey.\n\nThe trial runs until spring.", "town"), null);
        app.masthead.newsroom().publish(id, null);
        path = app.masthead.newsroom().live(id).orElseThrow().path();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    /** A page as a returning visitor who has answered the cookie notice (which otherwise covers the page's foot). */
    static Page open(BrowserContext context, List<String> problems) {
        context.addCookies(List.of(new Cookie("mh_csrf", "returning-visitor-token-0123456789abcdefghi").setDomain("localhost").setPath("/")));
        Page page = context.newPage();
        page.onResponse(r -> { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.add(r.status() + " " + r.url()); });
        page.onConsoleMessage(m -> { if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) problems.add(m.text()); });
        page.navigate(app.url(path));
        page.locator("#consent-banner").getByText("Reject all").click();
        page.locator("#consent-banner").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        return page;
    }

    @Test
    void anAnonymousReaderSeesAHouseAdInTheTopSlotAndThePagePassesAxe() {
        List<String> problems = new ArrayList<>();
        Page page = open(browser.context(), problems);
        page.navigate(app.url(path));
        Locator top = page.locator("[data-ad-slot=top].ad-filled");
        top.waitFor();
        assertThat(top.locator(".ad-label").textContent()).isEqualTo("Advertisement");
        Locator image = top.locator("a[href^='/ads/c/'] img");
        assertThat(image.getAttribute("alt")).isEqualTo("Support our journalism: become a member for $5 a month");
        assertThat(image.getAttribute("src")).startsWith("/media/photos/");
        page.locator("[data-ad-slot=sidebar].ad-filled").waitFor();
        page.locator("[data-ad-slot=in-article].ad-filled").waitFor();
        // the in-article box sits after the third paragraph
        assertThat(page.locator(".article-body > p:nth-of-type(3) + [data-ad-slot=in-article]").count()).isEqualTo(1);
        page.waitForFunction("() => [...document.images].every(i => i.complete)");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        assertThat(problems).isEmpty();

        // a click is counted and lands on the stored link
        page.locator("[data-ad-slot=top] a").click();
        page.waitForURL("**/membership");
        app.masthead.ads().flushCounts();
        long clicks = app.database.jdbi().withHandle(h -> h.createQuery("select coalesce(sum(clicks), 0) from ad_daily_counts")
                .mapTo(Long.class).one());
        assertThat(clicks).isEqualTo(1);
    }

    @Test
    void aMemberWithAdLightSeesNoAds() {
        SignedInReader member = SignedInReader.signIn(app, "adlight@example.org", "Ada");
        Plan plan = app.masthead.membership().activePlans().getFirst();
        app.masthead.membership().grantComplimentary(member.reader().id(), plan.id(), app.clock.instant().plus(Duration.ofDays(30)), "test");
        BrowserContext context = browser.context();
        context.addCookies(List.of(new Cookie("mh_reader", member.session()).setDomain("localhost").setPath("/")));
        List<String> problems = new ArrayList<>();
        Page page = open(context, problems);
        List<String> fills = new ArrayList<>();
        page.onRequest(r -> {
            if (r.url().contains("/ads/fill")) {
                fills.add(r.url());
            }
        });
        page.navigate(app.url(path));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        // the member's page is rendered for the ad-light variant: no boxes at all, so nothing to fill or to move
        assertThat(page.locator("[data-ad-slot]").count()).isZero();
        assertThat(fills).isEmpty();
        assertThat(page.locator(".ad-filled").count()).isZero();
        assertThat(page.locator(".ad-box img").count()).isZero();
        assertThat(page.locator("[data-ad-slot=in-article]").count()).isZero();
        assertThat(problems).isEmpty();
    }
}
