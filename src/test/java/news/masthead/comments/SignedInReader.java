package news.masthead.comments;

import news.masthead.accounts.Reader;
import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.RunningMasthead;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader signed in the way people are: a sign-in link asked for, read from the outbox (no SMTP in
 * these tests, so mail stays in the outbox table) and confirmed.
 */
public record SignedInReader(Reader reader, StaffBrowser browser) {
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    public static SignedInReader signIn(RunningMasthead app, String email, String name) {
        app.clock.advance(Duration.ofMinutes(16)); // past the sign-in link rate limit window
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> asked = browser.post("/account/sign-in", Map.of("email", email));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        String mail = app.database.jdbi().withHandle(h -> h.createQuery(
                        "select text_body from outbox_mail where recipient = :r order by id desc limit 1")
                .bind("r", email).mapTo(String.class).one());
        Matcher m = TOKEN.matcher(mail);
        assertThat(m.find()).isTrue();
        browser.get("/account/verify?token=" + m.group(1));
        assertThat(browser.post("/account/verify", Map.of("token", m.group(1))).statusCode()).isEqualTo(303);
        if (name != null) {
            browser.post("/account/name", Map.of("displayName", name));
        }
        String me = browser.get("/api/v1/me").body();
        long id = Long.parseLong(me.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        return new SignedInReader(new Reader(id, email, name == null ? "" : name), browser);
    }

    public String session() {
        return browser.cookie("mh_reader");
    }
}
