package news.masthead.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import news.masthead.app.demo.HouseAds;
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
 * The model reader's whole journey in Chromium: an anonymous reader meets ads, the Premium join box
 * and the "Dear Reader" appeal; joins through the demo provider from the appeal's call to action; then
 * reads the Premium article in full with no ads and no appeal; cancels, and once the paid period has
 * ended (the server's clock moved on) is back to the free part, the ads and the join box.
 */
@Tag("browser")
class MembershipJourneyTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();
    static final String GATED = "The council's own figures show the tunnel will cost twice what was promised.";
    static final List<String> stories = new ArrayList<>();
    static String premium;

    static {
        var newsroom = app.masthead.newsroom();
        newsroom.saveSection(null, "city", "City", "", 1);
        for (int i = 1; i <= 3; i++) {
            long id = newsroom.create(ArticleDraft.of("City story " + i, "", "First paragraph " + i
                    + ".\n\nSecond paragraph.\n\nThird paragraph.\n\nFourth paragraph.", "city"), null);
            newsroom.publish(id, null);
            stories.add(newsroom.live(id).orElseThrow().path());
        }
        long id = newsroom.create(ArticleDraft.of("What the tunnel will really cost", "An investigation.",
                "One.\n\nTwo.\n\nThree.\n\n" + GATED + "\n\nFive.", "city"), null);
        newsroom.requireForArticle(id, "premium");
        newsroom.publish(id, null);
        premium = newsroom.live(id).orElseThrow().path();
        app.masthead.membership().ensureDemoPlans();
        app.masthead.appeals().ensureDemoAppeal();
        app.masthead.appeals().saveCaps(new FrequencyCaps(0, 100, 7));
        new HouseAds(app.masthead.ads()).ensure();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    static void read(Page page, String path) {
        page.waitForResponse(r -> r.url().contains("/appeals/next"), () -> page.navigate(app.url(path)));
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    @Test
    void anAnonymousReaderJoinsFromTheAppealReadsInFullWithoutAdsAndLosesItAllAfterCancelling() {
        BrowserContext context = browser.context();
        Page page = context.newPage();
        List<String> problems = new ArrayList<>();
        page.onResponse(r -> {
            if (r.status() >= 500) {
                problems.add(r.status() + " " + r.url());
            }
        });

        // anonymous: ads, the free part and the join box; the appeal on the third article view
        read(page, premium);
        page.locator("#consent-banner").getByText("Reject all").click();
        assertThat(page.locator(".join-box").isVisible()).isTrue();
        assertThat(page.content()).doesNotContain(GATED);
        page.locator("[data-ad-slot=top].ad-filled").waitFor();
        read(page, stories.get(0));
        read(page, stories.get(1));
        Locator appeal = page.locator("dialog.appeal");
        appeal.waitFor();

        // the call to action leads to the plans, signed in through the emailed link, then the test checkout
        appeal.locator("a.appeal-cta").click();
        page.waitForURL(u -> u.contains("/membership"));
        String plans = page.url();
        SignInByMail.signIn(app, page, "journey@example.org");
        page.navigate(plans);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join: Member").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay (test: succeeds)")).click();
        page.locator("h1").filter(new Locator.FilterOptions().setHasText("Welcome, member")).waitFor();

        // a member: the whole article, no ad boxes, no appeal
        for (String path : List.of(premium, stories.get(2), stories.get(0), premium)) {
            read(page, path);
            assertThat(page.locator("dialog.appeal").count()).as(path).isZero();
            assertThat(page.locator("[data-ad-slot]").count()).as(path).isZero();
        }
        assertThat(page.locator(".premium-part").innerText()).contains(GATED);
        assertThat(page.locator(".join-box").count()).isZero();
        long conversions = app.database.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from appeal_counts where event = 'conversion'").mapTo(Long.class).one());
        assertThat(conversions).as("the join is counted for the appeal").isPositive();

        // cancelling keeps the membership to the end of the paid period; after it, the gate is back
        page.navigate(app.url("/account"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel membership")).click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        read(page, premium);
        assertThat(page.locator(".premium-part").innerText()).as("still paid up").contains(GATED);
        app.clock.advance(Duration.ofDays(40));
        app.masthead.membership().sweep();
        read(page, premium);
        assertThat(page.content()).doesNotContain(GATED);
        assertThat(page.locator(".join-box").isVisible()).isTrue();
        page.locator("[data-ad-slot=top]").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        assertThat(problems).isEmpty();
        context.close();
    }
}
