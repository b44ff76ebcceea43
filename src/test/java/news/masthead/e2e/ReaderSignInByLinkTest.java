package news.masthead.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.TestSmtp;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader signs up and in with the link from their mail, names themselves, and signs out everywhere. */
@Tag("browser")
class ReaderSignInByLinkTest {
    static final TestSmtp smtp = new TestSmtp();
    static final RunningMasthead app = RunningMasthead.start(Database.connect(TestDatabases.freshUrl(), 4), smtp.env());
    static final Browser browser = new Browser();

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
        smtp.close();
    }

    @Test
    void aReaderSignsInWithTheLinkFromTheirMailAndSignsOutEverywhere() {
        Page page = browser.page();
        page.navigate(app.url("/account"));
        assertThat(page.url()).endsWith("/account/sign-in");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a sign-in link")).click();
        assertThat(page.locator("#email-error").textContent()).contains("Enter your email address");
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("email");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.getByLabel("Email address").fill("ines@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a sign-in link")).click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Check your email");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        String link = TestSmtp.link(smtp.await("ines@example.org", 1));
        page.navigate(link);
        assertThat(page.locator("main").textContent()).contains("Sign in as ines@example.org");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue and sign in")).click();

        assertThat(page.url()).endsWith("/account");
        assertThat(page.locator("h1").textContent()).isEqualTo("Your account");
        assertThat(page.locator("main").textContent()).contains("ines@example.org").contains("No membership yet");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.getByLabel("Your name, as this site shows it").fill("Inès Duarte");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save name")).click();
        assertThat(page.locator("[role=status]").textContent()).isEqualTo("Your name is saved.");
        assertThat(page.getByLabel("Your name, as this site shows it").inputValue()).isEqualTo("Inès Duarte");

        page.getByLabel("New email address").fill("not an address");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change email address")).click();
        assertThat(page.locator("#newEmail-error").textContent()).contains("like name@example.org");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.navigate(link);
        assertThat(page.locator("h1").textContent()).isEqualTo("This link does not work");
        assertThat(page.locator("main").textContent()).contains("already been used");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();

        page.navigate(app.url("/account"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out everywhere")).click();
        assertThat(page.url()).endsWith("/account/sign-in?done=signed-out-everywhere");
        assertThat(page.locator("[role=status]").textContent()).contains("signed out on every device");
        page.navigate(app.url("/account"));
        assertThat(page.url()).endsWith("/account/sign-in");
    }
}
