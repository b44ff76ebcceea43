package news.masthead.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import news.masthead.testing.RunningMasthead;

import java.time.Duration;

/** A reader signs in in the browser with the link the outbox holds (no SMTP in these tests), as from their mail. */
final class SignInByMail {
    private SignInByMail() {
    }

    static void signIn(RunningMasthead app, Page page, String email) {
        app.clock.advance(Duration.ofMinutes(16)); // a fresh sign-in rate-limit window
        page.navigate(app.url("/account/sign-in"));
        page.getByLabel("Email address").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a sign-in link")).click();
        page.locator("h1").filter(new Locator.FilterOptions().setHasText("Check your email")).waitFor();
        String mail = app.database.jdbi().withHandle(h -> h.createQuery(
                "select text_body from outbox_mail where recipient = :r order by id desc limit 1").bind("r", email).mapTo(String.class).one());
        String token = mail.replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
        page.navigate(app.url("/account/verify?token=" + token));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue and sign in")).click();
        page.waitForURL(u -> u.endsWith("/account"));
    }
}
