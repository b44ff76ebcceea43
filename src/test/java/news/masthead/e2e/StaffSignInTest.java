package news.masthead.e2e;

import com.microsoft.playwright.Page;
import news.masthead.accounts.Role;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("browser")
class StaffSignInTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Browser browser = new Browser();

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void anAdminFollowingALinkToTheStaffListSignsInLandsThereAndSignsOut() {
        app.masthead.accounts().addStaff("maria@example.org", "Maria Ruiz", Role.ADMIN, "a very long passphrase");
        Page page = browser.page();
        page.navigate(app.url("/admin/staff"));
        assertThat(page.url()).endsWith("/admin/login?next=%2Fadmin%2Fstaff");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.getByLabel("Email address").fill("maria@example.org");
        page.getByLabel("Password").fill("not her password");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("[role=alert]").textContent()).contains("do not match a staff account");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.getByLabel("Password").fill("a very long passphrase");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.url()).endsWith("/admin/staff");
        assertThat(page.locator("h1").textContent()).isEqualTo("Staff");
        assertThat(page.locator("td", new Page.LocatorOptions().setHasText("maria@example.org")).count()).isEqualTo(1);

        page.navigate(app.url("/admin"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Hello, Maria Ruiz");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.url()).endsWith("/admin/login");
        page.navigate(app.url("/admin"));
        assertThat(page.url()).contains("/admin/login");
    }
}
