package news.masthead.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import news.masthead.comments.Comment;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.TestSmtp;
import news.masthead.testing.Browser;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader downloads their data and deletes their account in Chromium: signed in with the link from
 * their mail, their comment is kept under "Deleted reader", and neither their session nor their old
 * link works afterwards.
 */
@Tag("browser")
class ReaderPrivacyRightsTest {
    static final TestSmtp smtp = new TestSmtp();
    static final RunningMasthead app = RunningMasthead.start(Database.connect(TestDatabases.freshUrl(), 4), smtp.env());
    static final Browser browser = new Browser();

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
        smtp.close();
    }

    static Page button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).click();
        return page;
    }

    @Test
    void aReaderDownloadsTheirDataThenDeletesTheirAccount() throws Exception {
        app.masthead.newsroom().saveSection(null, "town", "Town", "", 1);
        long article = app.masthead.newsroom().create(ArticleDraft.of("Market day", "", "Stalls everywhere.", "town"), null);
        app.masthead.newsroom().publish(article, null);
        String path = app.masthead.newsroom().live(article).orElseThrow().path();

        Page page = browser.page();
        page.navigate(app.url("/account/sign-in"));
        page.getByLabel("Email address").fill("olga@example.org");
        button(page, "Send me a sign-in link");
        String link = TestSmtp.link(smtp.await("olga@example.org", 1));
        page.navigate(link);
        button(page, "Continue and sign in");
        page.getByLabel("Your name, as this site shows it").fill("Olga Petrova");
        button(page, "Save name");

        page.navigate(app.url(path));
        page.locator("#consent-banner").getByText("Reject all").click();
        page.getByLabel("Your comment").fill("Best cheese stall in years.");
        button(page, "Post comment");
        page.locator("[role=status]").waitFor();
        Comment mine = app.masthead.comments().queue().getFirst();
        app.masthead.comments().approve(mine.id());

        page.navigate(app.url("/account"));
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        Download download = page.waitForDownload(() -> page.getByText("Download your data").click());
        assertThat(download.suggestedFilename()).startsWith("my-data-").endsWith(".json");
        JsonNode data = new ObjectMapper().readTree(Files.readString(download.path()));
        assertThat(data.at("/account/email").asText()).isEqualTo("olga@example.org");
        assertThat(data.at("/account/displayName").asText()).isEqualTo("Olga Petrova");
        assertThat(data.at("/comments/comments/0/text").asText()).isEqualTo("Best cheese stall in years.");
        assertThat(data.at("/consent/choices/0/categories").asText()).isEqualTo("none");

        page.getByText("Delete your account").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Delete your account");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.getByLabel("To confirm, type your email address").fill("someone.else@example.org");
        button(page, "Delete my account");
        assertThat(page.locator("#confirmEmail-error").textContent()).contains("not your account");
        assertThat(Browser.accessibilityViolations(page)).isEmpty();
        page.getByLabel("To confirm, type your email address").fill("olga@example.org");
        button(page, "Delete my account");
        assertThat(page.url()).endsWith("/account/deleted");
        assertThat(page.locator("[role=status]").textContent()).contains("Your account is deleted");
        assertThat(TestSmtp.body(smtp.await("olga@example.org", 2))).contains("your account at").contains("is deleted");

        page.navigate(app.url(path));
        page.locator("#comments .comment").first().waitFor();
        assertThat(page.locator("#comment-" + mine.id() + " .comment-author").textContent()).isEqualTo("Deleted reader");
        assertThat(page.locator("#comments").textContent()).contains("Best cheese stall in years.").doesNotContain("Olga");
        assertThat(page.locator("#comments").textContent()).contains("Sign in to comment");

        page.navigate(app.url("/account"));
        assertThat(page.url()).endsWith("/account/sign-in");
        page.navigate(link);
        assertThat(page.locator("h1").textContent()).isEqualTo("This link does not work");
    }
}
