package news.masthead.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import news.masthead.comments.SignedInReader;
import news.masthead.membership.Plan;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.Newsroom;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader meets a Premium article in Chromium: the join box as a visitor, the whole story as a member. */
@Tag("browser")
class ReadingAPremiumArticleTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();
    static final Newsroom newsroom = app.masthead.newsroom();
    static final String path;

    static {
        var premium = newsroom.saveSection(null, "premium", "Premium", "For members", 1);
        newsroom.requireForSection(premium.id(), "premium");
        long id = newsroom.create(ArticleDraft.of("The last crossing of the night ferry", "Ninety years of the night boat.",
                "The gangway smells of diesel.\n\nThe ferry has run since 1935.\n\nThe captain keeps a notebook.\n\n"
                        + "The last line reads: calm, fog after midnight.\n\nShe closed the notebook and went home.", "premium"), null);
        newsroom.publish(id, null);
        path = newsroom.live(id).orElseThrow().path();
        app.masthead.membership().ensureDemoPlans();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void aVisitorSeesTheJoinBoxAndAMemberReadsTheWholeArticle() {
        Page visitor = browser.page();
        visitor.navigate(app.url(path));
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This is a Premium article")).isVisible()).isTrue();
        assertThat(visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join for $5 a month")).getAttribute("href"))
                .isEqualTo("/membership");
        assertThat(visitor.locator("main").textContent()).contains("The captain keeps a notebook").doesNotContain("fog after midnight");
        assertThat(Browser.accessibilityViolations(visitor)).isEmpty();

        SignedInReader ana = SignedInReader.signIn(app, "ana-ferry@example.org", "Ana");
        Plan plan = app.masthead.membership().activePlans().getFirst();
        app.masthead.membership().grantComplimentary(ana.reader().id(), plan.id(), app.clock.instant().plus(Duration.ofDays(30)), "Tess");
        BrowserContext context = browser.context();
        context.addCookies(List.of(new Cookie("mh_reader", ana.session()).setDomain("localhost").setPath("/")));
        Page member = context.newPage();
        member.navigate(app.url(path));
        assertThat(member.locator(".premium-part").textContent()).contains("fog after midnight").contains("went home");
        assertThat(member.locator(".join-box").count()).isZero();
        assertThat(Browser.accessibilityViolations(member)).isEmpty();
    }
}
