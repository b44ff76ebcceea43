package news.masthead.accounts;

import jakarta.mail.internet.MimeMessage;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.TestSmtp;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reader sign-in by email link, end to end over HTTP, with a real SMTP server (GreenMail). */
class ReaderSignInTest {
    static final TestSmtp smtp = new TestSmtp();
    static final String URL = TestDatabases.freshUrl();
    static final RunningMasthead app = RunningMasthead.start(Database.connect(URL, 4), smtp.env());

    @AfterAll
    static void stop() {
        app.close();
        smtp.close();
    }

    @BeforeEach
    void freshRateLimitWindow() {
        app.clock.advance(Duration.ofMinutes(16));
    }

    @Test
    void askingForALinkMailsItToTheAddressAndSaysCheckYourEmail() throws Exception {
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> page = browser.get("/account/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("<label for=\"email\">Email address</label>")
                .contains("name=\"_csrf\" value=\"" + browser.csrf() + "\"");

        HttpResponse<String> sent = browser.post("/account/sign-in", Map.of("email", "  Asha@Example.org "));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Check your email").contains("Asha@Example.org");

        MimeMessage mail = smtp.await("Asha@Example.org", 1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("Asha@Example.org");
        assertThat(mail.getSubject()).isEqualTo("Sign in to " + app.masthead.site().frame().name());
        assertThat(TestSmtp.body(mail)).contains("works once, within 20 minutes");
        assertThat(TestSmtp.link(mail)).startsWith(app.url("/account/verify?token="));
    }

    @Test
    void theLinkSignsInOnceAndOnlyOnce() {
        String link = requestLink("once@example.org");
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> signedIn = confirm(browser, link);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/account");
        assertThat(browser.cookie("mh_reader")).isNotNull();
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("mh_reader=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/"));

        HttpResponse<String> account = browser.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("once@example.org").contains("No membership yet");

        StaffBrowser thief = new StaffBrowser(app);
        HttpResponse<String> again = confirm(thief, link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already been used").contains("action=\"/account/sign-in\"");
        assertThat(thief.cookie("mh_reader")).isNull();
        assertThat(thief.get(path(link)).statusCode()).isEqualTo(410);
    }

    @Test
    void onlyTheTokensHashIsStored() {
        String link = requestLink("hash@example.org");
        String token = link.substring(link.indexOf("token=") + 6);
        long plain = app.database.jdbi().withHandle(h -> h.createQuery("select count(*) from sign_in_links where token_hash = :t")
                .bind("t", token).mapTo(Long.class).one());
        assertThat(plain).isZero();
    }

    @Test
    void openingTheLinkDoesNotUseIt() {
        String link = requestLink("scanner@example.org");
        StaffBrowser scanner = new StaffBrowser(app);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> page = scanner.get(path(link));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Sign in as <strong>scanner@example.org</strong>").contains("method=\"post\"");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(scanner.cookie("mh_reader")).isNull();
        assertThat(confirm(new StaffBrowser(app), link).statusCode()).isEqualTo(303);
    }

    @Test
    void anExpiredLinkIsRefusedWithAWayToGetANewOne() {
        String link = requestLink("late@example.org");
        app.clock.advance(Duration.ofMinutes(20));
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> page = browser.get(path(link));
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("has expired").contains("Send me a new link");
        HttpResponse<String> post = browser.post("/account/verify", Map.of("token", token(link)));
        assertThat(post.statusCode()).isEqualTo(410);
        assertThat(browser.cookie("mh_reader")).isNull();
    }

    @Test
    void anUnknownOrMangledTokenIsABadRequest() {
        StaffBrowser browser = new StaffBrowser(app);
        assertThat(browser.get("/account/verify?token=" + "A".repeat(43)).statusCode()).isEqualTo(400);
        assertThat(browser.get("/account/verify?token=%27%3Cscript%3E").statusCode()).isEqualTo(400);
        assertThat(browser.get("/account/verify").statusCode()).isEqualTo(400);
        assertThat(browser.post("/account/verify", Map.of("token", "x".repeat(5000))).statusCode()).isEqualTo(400);
    }

    @Test
    void theFirstSignInMakesTheAccountAndTheSecondFindsIt() {
        StaffBrowser first = new StaffBrowser(app);
        confirm(first, requestLink("new.reader@example.org"));
        long id = me(first);
        app.clock.advance(Duration.ofMinutes(16));
        StaffBrowser second = new StaffBrowser(app);
        confirm(second, requestLink("NEW.Reader@example.org"));
        assertThat(me(second)).isEqualTo(id);
        long readers = app.database.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from readers where lower(email) = 'new.reader@example.org'").mapTo(Long.class).one());
        assertThat(readers).isEqualTo(1);
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswer() {
        confirm(new StaffBrowser(app), requestLink("known@example.org"));
        app.clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> known = new StaffBrowser(app).post("/account/sign-in", Map.of("email", "known@example.org"));
        HttpResponse<String> unknown = new StaffBrowser(app).post("/account/sign-in", Map.of("email", "nobody@example.org"));
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(known.body().replace("known@example.org", "X")).isEqualTo(unknown.body().replace("nobody@example.org", "X"));
    }

    @Test
    void aFourthLinkForOneAddressWithinFifteenMinutesIsRefused() {
        StaffBrowser browser = new StaffBrowser(app);
        for (int i = 0; i < SignInLinks.MAX_PER_EMAIL; i++) {
            assertThat(browser.post("/account/sign-in", Map.of("email", "eager@example.org")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = browser.post("/account/sign-in", Map.of("email", "Eager@Example.org"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("several links").contains("aria-describedby=\"email-error\"");
        smtp.await("eager@example.org", SignInLinks.MAX_PER_EMAIL);

        app.clock.advance(SignInLinks.WINDOW);
        assertThat(browser.post("/account/sign-in", Map.of("email", "eager@example.org")).statusCode()).isEqualTo(200);
    }

    @Test
    void oneNetworkAskingForManyAddressesIsSlowedDown() {
        StaffBrowser browser = new StaffBrowser(app);
        for (int i = 0; i < SignInLinks.MAX_PER_ADDRESS; i++) {
            assertThat(browser.post("/account/sign-in", Map.of("email", "spray" + i + "@example.org")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = browser.post("/account/sign-in", Map.of("email", "spray-last@example.org"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("from your network");
    }

    @Test
    void aBadAddressIsShownBesideTheField() {
        StaffBrowser browser = new StaffBrowser(app);
        for (String bad : new String[]{"", "not-an-address", "a@b", "x@example.org\r\nBcc: y@example.org", "@".repeat(300)}) {
            HttpResponse<String> page = browser.post("/account/sign-in", Map.of("email", bad));
            assertThat(page.statusCode()).as(bad).isEqualTo(400);
            assertThat(page.body()).contains("aria-invalid=\"true\" aria-describedby=\"email-error\"").contains("id=\"email-error\"");
        }
    }

    @Test
    void theLinkLeadsToASafeLocalNextPageOnly() {
        StaffBrowser browser = new StaffBrowser(app);
        browser.post("/account/sign-in", Map.of("email", "next@example.org", "next", "/news/some-story?x=1"));
        HttpResponse<String> in = confirm(browser, TestSmtp.link(smtp.await("next@example.org", 1)));
        assertThat(in.headers().firstValue("Location")).hasValue("/news/some-story?x=1");

        for (String evil : new String[]{"//evil.example", "https://evil.example/", "/\\evil.example", "/account/verify?token=x", "javascript:alert(1)"}) {
            assertThat(ReaderPages.safeNext(evil)).as(evil).isEqualTo("/account");
        }
    }

    @Test
    void theAccountPageSendsStrangersToSignInAndTheApiSaysSignedInFalse() {
        StaffBrowser stranger = new StaffBrowser(app);
        HttpResponse<String> bounced = stranger.get("/account");
        assertThat(bounced.statusCode()).isEqualTo(303);
        assertThat(bounced.headers().firstValue("Location")).hasValue("/account/sign-in");
        HttpResponse<String> me = stranger.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"signedIn\":false}");
        assertThat(me.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(stranger.post("/account/name", Map.of("displayName", "X")).statusCode()).isEqualTo(401);
    }

    @Test
    void aReaderNamesThemselves() {
        StaffBrowser browser = signedIn("named@example.org");
        HttpResponse<String> saved = browser.post("/account/name", Map.of("displayName", "  Asha Rao "));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/account?done=name");
        assertThat(browser.get("/account?done=name").body()).contains("value=\"Asha Rao\"").contains("Your name is saved.");
        assertThat(browser.get("/api/v1/me").body()).contains("\"signedIn\":true").contains("\"displayName\":\"Asha Rao\"");

        HttpResponse<String> bad = browser.post("/account/name", Map.of("displayName", "x".repeat(101)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("aria-describedby=\"displayName-error\"");
        HttpResponse<String> control = browser.post("/account/name", Map.of("displayName", "Bell\u0007"));
        assertThat(control.statusCode()).isEqualTo(400);
    }

    @Test
    void theSessionWorksOnASecondNodeAndSigningOutEverywhereEndsItOnBoth() {
        StaffBrowser laptop = signedIn("two.nodes@example.org");
        StaffBrowser phone = signedIn("two.nodes@example.org");
        try (RunningMasthead nodeB = RunningMasthead.start(Database.connect(URL, 2), smtp.env())) {
            nodeB.clock.set(app.clock.instant());
            StaffBrowser phoneOnB = new StaffBrowser(nodeB);
            phoneOnB.setCookie("mh_reader", phone.cookie("mh_reader"));
            HttpResponse<String> onB = phoneOnB.get("/account");
            assertThat(onB.statusCode()).isEqualTo(200);
            assertThat(onB.body()).contains("two.nodes@example.org");

            HttpResponse<String> out = phoneOnB.post("/account/sign-out-everywhere", Map.of());
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(out.headers().firstValue("Location")).hasValue("/account/sign-in?done=signed-out-everywhere");

            assertThat(laptop.get("/account").statusCode()).isEqualTo(303);
            phoneOnB.setCookie("mh_reader", phone.cookie("mh_reader"));
            assertThat(phoneOnB.get("/account").statusCode()).isEqualTo(303);
            assertThat(phone.get("/api/v1/me").body()).contains("\"signedIn\":false");
        }
    }

    @Test
    void signingOutEndsOnlyThisSession() {
        StaffBrowser laptop = signedIn("one.device@example.org");
        StaffBrowser phone = signedIn("one.device@example.org");
        HttpResponse<String> out = laptop.post("/account/sign-out", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(laptop.cookie("mh_reader")).isNull();
        assertThat(phone.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionEndsAfterThirtyIdleDays() {
        StaffBrowser browser = signedIn("idle@example.org");
        app.clock.advance(ReaderSessions.IDLE.minusMinutes(1));
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        app.clock.advance(ReaderSessions.IDLE);
        assertThat(browser.get("/account").statusCode()).isEqualTo(303);
    }

    @Test
    void changingTheEmailAddressHappensOnlyWhenTheNewAddressConfirms() throws Exception {
        StaffBrowser browser = signedIn("old.address@example.org");
        long id = me(browser);
        HttpResponse<String> asked = browser.post("/account/email", Map.of("email", "new.address@example.org"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Check your email").contains("new.address@example.org");
        assertThat(browser.get("/account").body()).contains("Signed in as <strong>old.address@example.org</strong>");

        MimeMessage mail = smtp.await("new.address@example.org", 1);
        assertThat(mail.getSubject()).startsWith("Confirm your new email address");
        String link = TestSmtp.link(mail);
        assertThat(browser.get(path(link)).body()).contains("Confirm new address");
        HttpResponse<String> confirmed = confirm(browser, link);
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.headers().firstValue("Location")).hasValue("/account?done=email-changed");
        assertThat(browser.get("/account?done=email-changed").body())
                .contains("Signed in as <strong>new.address@example.org</strong>").contains("Your email address is changed.");
        assertThat(me(browser)).isEqualTo(id);
        assertThat(smtp.await("old.address@example.org", 2).getSubject()).contains("has changed");

        // the old address now signs in to a new, different account
        app.clock.advance(Duration.ofMinutes(16));
        StaffBrowser other = new StaffBrowser(app);
        other.post("/account/sign-in", Map.of("email", "old.address@example.org"));
        confirm(other, TestSmtp.link(smtp.await("old.address@example.org", 3)));
        assertThat(me(other)).isNotEqualTo(id);
    }

    @Test
    void movingToAnAddressAnotherAccountHasChangesNothingAndSaysTheSame() throws Exception {
        signedIn("taken@example.org");
        StaffBrowser browser = signedIn("mover@example.org");
        HttpResponse<String> asked = browser.post("/account/email", Map.of("email", "taken@example.org"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Check your email");
        MimeMessage notice = smtp.await("taken@example.org", 2);
        assertThat(TestSmtp.body(notice)).contains("already has an account").doesNotContain("/account/verify");
        assertThat(browser.get("/account").body()).contains("mover@example.org");

        HttpResponse<String> same = browser.post("/account/email", Map.of("email", "MOVER@example.org"));
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("already your email address").contains("newEmail-error");
    }

    @Test
    void anAddressTakenBetweenAskingAndConfirmingLeavesTheAccountAsItWas() {
        StaffBrowser browser = signedIn("slow.mover@example.org");
        browser.post("/account/email", Map.of("email", "contested@example.org"));
        String link = TestSmtp.link(smtp.await("contested@example.org", 1));
        signedIn("contested@example.org");

        HttpResponse<String> refused = confirm(browser, link);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Another account already uses that email address");
        assertThat(browser.get("/account").body()).contains("Signed in as <strong>slow.mover@example.org</strong>");
    }

    @Test
    void everyReaderFormNeedsTheCsrfToken() {
        StaffBrowser browser = signedIn("csrf@example.org");
        String link = requestLink("csrf-link@example.org");
        Map<String, Map<String, String>> forms = Map.of(
                "/account/sign-in", Map.of("email", "csrf@example.org"),
                "/account/verify", Map.of("token", token(link)),
                "/account/name", Map.of("displayName", "Mallory"),
                "/account/email", Map.of("email", "mallory@example.org"),
                "/account/sign-out", Map.of(),
                "/account/sign-out-everywhere", Map.of());
        forms.forEach((path, fields) -> {
            assertThat(browser.postExactly(path, fields).statusCode()).as(path).isEqualTo(403);
            Map<String, String> wrong = new java.util.HashMap<>(fields);
            wrong.put("_csrf", "B".repeat(43));
            assertThat(browser.postExactly(path, wrong).statusCode()).as(path).isEqualTo(403);
        });
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        assertThat(confirm(new StaffBrowser(app), link).statusCode()).isEqualTo(303);
    }

    @Test
    void expiredLinksAndSessionsArePurged() {
        requestLink("purge@example.org");
        signedIn("purge-session@example.org");
        app.clock.advance(ReaderSessions.ABSOLUTE.plusDays(1));
        assertThat(app.masthead.accounts().purgeExpired()).isGreaterThanOrEqualTo(2);
        long links = app.database.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from sign_in_links where email like 'purge%'").mapTo(Long.class).one());
        assertThat(links).isZero();
    }

    // ---- helpers ----

    private static String requestLink(String email) {
        int before = smtp.to(email).size();
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> sent = browser.post("/account/sign-in", Map.of("email", email));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        return TestSmtp.link(smtp.await(email, before + 1));
    }

    private static StaffBrowser signedIn(String email) {
        app.clock.advance(Duration.ofMinutes(16));
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> in = confirm(browser, requestLink(email));
        assertThat(in.statusCode()).isEqualTo(303);
        return browser;
    }

    private static HttpResponse<String> confirm(StaffBrowser browser, String link) {
        browser.get(path(link));
        return browser.post("/account/verify", Map.of("token", token(link)));
    }

    private static long me(StaffBrowser browser) {
        String body = browser.get("/api/v1/me").body();
        return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    private static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }
}
