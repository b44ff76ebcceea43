package news.masthead.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader meets the cookie banner on a cached public page: nothing optional happens before they
 * choose, one click accepts or rejects, GPC is honoured, the footer reopens the choice, a new
 * policy asks again, and a forged cookie changes nothing.
 */
@Tag("browser")
class CookieConsentTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();
    static final String ANALYTICS = "/assets/test-analytics.js";
    static final StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);

    static {
        var declared = admin.post("/admin/consent/declarations", Map.of("kind", "script", "name", ANALYTICS,
                "category", "analytics", "purpose", "Counts visits (test)"));
        assertThat(declared.statusCode()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    /** A page on the front page with every request it makes recorded. */
    record Visit(BrowserContext context, Page page, List<String> requests) {
        boolean analyticsRequested() {
            return requests.stream().anyMatch(url -> url.contains(ANALYTICS));
        }

        Locator banner() {
            return page.locator("#consent-banner");
        }

        Locator button(String name) {
            return banner().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
        }
    }

    static Visit open(BrowserContext context) {
        Page page = context.newPage();
        List<String> requests = new CopyOnWriteArrayList<>();
        page.onRequest(request -> requests.add(request.url()));
        page.navigate(app.url("/"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return new Visit(context, page, requests);
    }

    static Visit reload(Visit visit) {
        visit.requests().clear();
        visit.page().reload();
        visit.page().waitForLoadState(LoadState.NETWORKIDLE);
        return visit;
    }

    static List<String> cookieNames(BrowserContext context) {
        return context.cookies().stream().map(c -> c.name).toList();
    }

    @Test
    void beforeAnyChoiceNothingOptionalIsSetOrLoaded() {
        Visit visit = open(browser.context());
        assertThat(visit.banner().isVisible()).isTrue();
        assertThat(visit.analyticsRequested()).isFalse();
        assertThat(visit.page().getAttribute("html", "data-test-analytics")).isNull();
        assertThat(cookieNames(visit.context())).allMatch(name -> name.startsWith("mh_"));
        assertThat(cookieNames(visit.context())).doesNotContain("mh_consent");
        assertThat(Browser.accessibilityViolations(visit.page())).isEmpty();
    }

    @Test
    void acceptAllTakesOneClickAndThenLoadsTheAnalyticsScript() {
        Visit visit = open(browser.context());
        visit.page().waitForRequest(request -> request.url().contains(ANALYTICS), () -> visit.button("Accept all").click());
        assertThat(visit.banner().isHidden()).isTrue();
        visit.page().waitForCondition(() -> "ran".equals(visit.page().getAttribute("html", "data-test-analytics")));
        reload(visit);
        assertThat(visit.banner().isHidden()).isTrue();
        assertThat(visit.analyticsRequested()).isTrue();
    }

    @Test
    void rejectAllTakesOneClickAndIsRemembered() {
        Visit visit = open(browser.context());
        visit.button("Reject all").click();
        visit.banner().waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        reload(visit);
        assertThat(visit.banner().isHidden()).isTrue();
        assertThat(visit.analyticsRequested()).isFalse();
        assertThat(cookieNames(visit.context())).contains("mh_consent").allMatch(name -> name.startsWith("mh_"));
    }

    @Test
    void theThreeChoicesHaveEqualProminence() {
        Visit visit = open(browser.context());
        @SuppressWarnings("unchecked")
        List<String> styles = (List<String>) visit.page().evaluate("""
                () => [...document.querySelectorAll('#consent-banner .consent-actions button')].map(b => {
                  const s = getComputedStyle(b), r = b.getBoundingClientRect();
                  return [b.tagName, b.className, s.fontSize, s.fontWeight, s.color, s.backgroundColor, s.borderTopWidth,
                          s.paddingTop, s.paddingLeft, Math.round(r.height)].join('|');
                })""");
        assertThat(styles).hasSize(3).containsOnly(styles.get(0));
        assertThat(visit.page().locator("#consent-banner a[href='/cookie-policy']").textContent()).isEqualTo("Read more");
    }

    @Test
    void theBannerIsAKeyboardReachableLabelledRegionThatDoesNotTrapFocus() {
        Visit visit = open(browser.context());
        assertThat(visit.page().getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Cookies on this site")).isVisible()).isTrue();
        visit.button("Reject all").focus();
        assertThat(visit.page().evaluate("getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        visit.page().keyboard().press("Tab");
        assertThat(visit.page().evaluate("document.activeElement.textContent")).isEqualTo("Choose");
        visit.page().keyboard().press("Enter");
        assertThat(visit.banner().getByLabel("Analytics").isVisible()).isTrue();
        assertThat(visit.page().evaluate("document.activeElement.value")).isEqualTo("preferences");
        assertThat(Browser.accessibilityViolations(visit.page())).isEmpty();
    }

    @Test
    void choosingOnlyPreferencesLoadsNoAnalytics() {
        Visit visit = open(browser.context());
        visit.button("Choose").click();
        visit.banner().getByLabel("Preferences").check();
        visit.button("Save choices").click();
        visit.banner().waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        reload(visit);
        assertThat(visit.banner().isHidden()).isTrue();
        assertThat(visit.analyticsRequested()).isFalse();
    }

    @Test
    void globalPrivacyControlHeaderRefusesAnalyticsEvenOnAcceptAll() {
        BrowserContext context = browser.context();
        context.setExtraHTTPHeaders(Map.of("Sec-GPC", "1"));
        Visit visit = open(context);
        assertThat(visit.banner().locator(".consent-gpc").isVisible()).isTrue();
        visit.button("Accept all").click();
        visit.banner().waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        visit.page().waitForLoadState(LoadState.NETWORKIDLE);
        reload(visit);
        assertThat(visit.analyticsRequested()).isFalse();
    }

    @Test
    void globalPrivacyControlInTheBrowserRefusesAnalyticsEvenOnAcceptAll() {
        BrowserContext context = browser.context();
        context.addInitScript("Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });");
        Visit visit = open(context);
        visit.button("Accept all").click();
        visit.banner().waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        visit.page().waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(visit.analyticsRequested()).isFalse();
        reload(visit);
        assertThat(visit.banner().isHidden()).isTrue();
        assertThat(visit.analyticsRequested()).isFalse();
    }

    @Test
    void cookieSettingsInTheFooterReopensTheChoiceSoWithdrawingIsAsEasyAsGiving() {
        Visit visit = open(browser.context());
        visit.button("Reject all").click();
        visit.banner().waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        visit.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cookie settings")).click();
        assertThat(visit.banner().isVisible()).isTrue();
        assertThat(visit.page().evaluate("document.activeElement.id")).isEqualTo("consent-banner-title");
        visit.page().waitForRequest(request -> request.url().contains(ANALYTICS), () -> visit.button("Accept all").click());
        // and back: withdrawing reloads the page without the script
        visit.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cookie settings")).click();
        visit.requests().clear();
        visit.page().waitForNavigation(() -> visit.button("Reject all").click());
        visit.page().waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(visit.analyticsRequested()).isFalse();
        assertThat(visit.banner().isHidden()).isTrue();
    }

    @Test
    void aNewPolicyVersionShowsTheBannerAgain() {
        Visit visit = open(browser.context());
        visit.button("Accept all").click();
        visit.banner().waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        reload(visit);
        assertThat(visit.banner().isHidden()).isTrue();
        assertThat(admin.post("/admin/consent/policy", Map.of("policy", "Version two: we count visits.")).statusCode()).isEqualTo(303);
        reload(visit);
        assertThat(visit.banner().isVisible()).isTrue();
        assertThat(visit.analyticsRequested()).isFalse();
    }

    @Test
    void aForgedConsentCookieIsIgnored() {
        BrowserContext context = browser.context();
        int version = app.masthead.consent().policyVersion();
        context.addCookies(List.of(new Cookie("mh_consent", version + ".7.AAAAAAAAAAAAAAAAAAAAAA." + "A".repeat(43))
                .setUrl(app.url("/"))));
        Visit visit = open(context);
        assertThat(visit.banner().isVisible()).isTrue();
        assertThat(visit.analyticsRequested()).isFalse();
    }

    @Test
    void withoutTheScriptTheFooterLinkLeadsToAPlainFormThatWorks() {
        BrowserContext context = browser.context();
        context.route("**/assets/consent.js*", route -> route.abort());
        Visit visit = open(context);
        assertThat(visit.banner().isHidden()).isTrue();
        visit.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cookie settings")).click();
        assertThat(visit.page().locator("h1").textContent()).isEqualTo("Cookie settings");
        assertThat(Browser.accessibilityViolations(visit.page())).isEmpty();
        visit.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject all")).click();
        assertThat(visit.page().url()).isEqualTo(app.url("/"));
        assertThat(cookieNames(context)).contains("mh_consent");
    }

    @Test
    void theCookiePolicyPageListsWhatIsDeclared() {
        Page page = browser.page();
        page.navigate(app.url("/cookie-policy"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Cookie policy");
        assertThat(page.locator("main").textContent()).contains(ANALYTICS).contains("Counts visits (test)");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
    }
}
