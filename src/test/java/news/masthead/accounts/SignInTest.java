package news.masthead.accounts;

import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.platform.db.Database;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SignInTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final String PASSWORD = "a long enough secret";

    @BeforeAll
    static void staff() {
        app.masthead.accounts().addStaff("Jane.Doe@Example.org", "Jane Doe", Role.EDITOR, PASSWORD);
        app.masthead.accounts().addStaff("gone@example.org", "Gone Person", Role.ADMIN, PASSWORD);
        app.database.jdbi().useHandle(h -> h.execute("update staff set disabled = true where email = 'gone@example.org'"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theSignInPageSetsTheCsrfCookieAndTheFormCarriesItsToken() {
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> page = browser.get("/admin/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("mh_csrf="));
        assertThat(page.body()).contains("name=\"_csrf\" value=\"" + browser.cookie("mh_csrf") + "\"")
                .contains("name=\"email\"").contains("type=\"password\"");
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() {
        StaffBrowser browser = new StaffBrowser(app);
        browser.get("/admin/login");
        HttpResponse<String> response = browser.postExactly("/admin/login", Map.of("email", "jane.doe@example.org", "password", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.cookie("mh_staff")).isNull();
    }

    @Test
    void anAdminPageSendsAStrangerToSignInAndBackAfterwards() {
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> bounced = browser.get("/admin?tab=mine");
        assertThat(bounced.statusCode()).isEqualTo(303);
        assertThat(bounced.headers().firstValue("Location")).hasValue("/admin/login?next=%2Fadmin%3Ftab%3Dmine");

        HttpResponse<String> login = browser.get("/admin/login?next=%2Fadmin%3Ftab%3Dmine");
        assertThat(login.body()).contains("name=\"next\" value=\"/admin?tab=mine\"");
        HttpResponse<String> signedIn = browser.post("/admin/login",
                Map.of("email", "jane.doe@example.org", "password", PASSWORD, "next", "/admin?tab=mine"));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/admin?tab=mine");

        HttpResponse<String> dashboard = browser.get("/admin");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Hello, Jane Doe").contains("editor").contains("href=\"/admin/articles\"");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndOnlyItsHashIsStored() {
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> response = browser.signIn("jane.doe@example.org", PASSWORD);
        String setCookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("mh_staff=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Path=/")
                .doesNotContainIgnoringCase("Secure");
        String value = browser.cookie("mh_staff");
        assertThat(value).matches("[A-Za-z0-9_-]{43}");
        List<String> stored = app.database.jdbi().withHandle(h -> h.createQuery("select token_hash from staff_sessions").mapTo(String.class).list());
        assertThat(stored).contains(Secrets.sha256(value)).doesNotContain(value);
    }

    @Test
    void theEmailIsMatchedWhateverItsLetterCase() {
        StaffBrowser browser = new StaffBrowser(app);
        assertThat(browser.signIn("  JANE.DOE@example.ORG ", PASSWORD).statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithoutASession() {
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> response = browser.signIn("jane.doe@example.org", PASSWORD + "x");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("do not match a staff account").contains("value=\"jane.doe@example.org\"")
                .doesNotContain(PASSWORD);
        assertThat(browser.cookie("mh_staff")).isNull();
        assertThat(browser.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void anUnknownEmailIsAnsweredExactlyLikeAWrongPassword() {
        StaffBrowser browser = new StaffBrowser(app);
        HttpResponse<String> response = browser.signIn("nobody@example.org", PASSWORD);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("do not match a staff account");
    }

    @Test
    void aDisabledStaffMemberCannotSignIn() {
        assertThat(new StaffBrowser(app).signIn("gone@example.org", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void emptyAndAbsurdInputIsA400NotAnError() {
        StaffBrowser browser = new StaffBrowser(app);
        assertThat(browser.signIn("", "").statusCode()).isEqualTo(400);
        assertThat(browser.post("/admin/login", Map.of()).statusCode()).isEqualTo(400);
        assertThat(browser.signIn("a".repeat(5000) + "@example.org", PASSWORD).statusCode()).isEqualTo(400);
        assertThat(browser.signIn("jane.doe@example.org", "p".repeat(20_000)).statusCode()).isEqualTo(400);
        HttpResponse<String> markup = browser.signIn("<script>alert(1)</script>", "whatever password");
        assertThat(markup.statusCode()).isEqualTo(401);
        assertThat(markup.body()).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void nextOnlyEverLeadsToALocalAdminPath() {
        for (String next : List.of("https://evil.example/admin", "//evil.example/admin", "/\\evil.example", "/admin\\..\\x",
                "/adminx", "/admin/login", "javascript:alert(1)", "/admin/\r\nSet-Cookie: x=y", "")) {
            StaffBrowser browser = new StaffBrowser(app);
            HttpResponse<String> response = browser.post("/admin/login",
                    Map.of("email", "jane.doe@example.org", "password", PASSWORD, "next", next));
            assertThat(response.headers().firstValue("Location")).as(next).hasValue("/admin");
        }
        assertThat(Accounts.safeNext("/admin/articles/12/edit?tab=2")).isEqualTo("/admin/articles/12/edit?tab=2");
    }

    @Test
    void signingOutEndsTheSessionOnTheServerToo() {
        StaffBrowser browser = new StaffBrowser(app);
        browser.signIn("jane.doe@example.org", PASSWORD);
        String stolen = browser.cookie("mh_staff");
        HttpResponse<String> out = browser.signOut();
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/admin/login");
        assertThat(browser.cookie("mh_staff")).isNull();

        StaffBrowser thief = new StaffBrowser(app);
        thief.setCookie("mh_staff", stolen);
        assertThat(thief.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void aSignedInStaffMemberOpeningTheSignInPageGoesStraightIn() {
        StaffBrowser browser = StaffBrowser.signedIn(app, Role.CONTRIBUTOR);
        HttpResponse<String> response = browser.get("/admin/login?next=/admin/articles");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/articles");
    }

    @Test
    void aSessionEndsAfterTwelveIdleHours() {
        StaffBrowser browser = StaffBrowser.signedIn(app, Role.EDITOR);
        app.clock.advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        app.clock.advance(Duration.ofHours(12));
        assertThat(browser.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void aSessionInUseLastsSevenDaysAndNoLonger() {
        StaffBrowser browser = StaffBrowser.signedIn(app, Role.EDITOR);
        for (int i = 0; i < 15; i++) {
            app.clock.advance(Duration.ofHours(11));
            assertThat(browser.get("/admin").statusCode()).as("after %d hours", 11 * (i + 1)).isEqualTo(200);
        }
        app.clock.advance(Duration.ofHours(4)); // 7 days and 1 hour after signing in
        assertThat(browser.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void lastSeenIsWrittenAtMostOnceAMinute() {
        StaffBrowser browser = StaffBrowser.signedIn(app, Role.EDITOR);
        String hash = Secrets.sha256(browser.cookie("mh_staff"));
        Instant signedInAt = lastSeen(hash);
        app.clock.advance(Duration.ofSeconds(30));
        browser.get("/admin");
        assertThat(lastSeen(hash)).isEqualTo(signedInAt);
        app.clock.advance(Duration.ofSeconds(31));
        browser.get("/admin");
        assertThat(lastSeen(hash)).isEqualTo(app.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void aSessionMadeOnOneNodeWorksOnAnother() {
        StaffBrowser browser = StaffBrowser.signedIn(app, Role.EDITOR);
        try (RunningMasthead other = RunningMasthead.start(Database.connect(app.database.jdbcUrl(), 2))) {
            other.clock.set(app.clock.instant());
            StaffBrowser sameCookies = new StaffBrowser(other);
            sameCookies.setCookie("mh_staff", browser.cookie("mh_staff"));
            assertThat(sameCookies.get("/admin").statusCode()).isEqualTo(200);
            sameCookies.setCookie("mh_csrf", browser.csrf());
            sameCookies.signOut();
        }
        assertThat(browser.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void withSecureCookiesTheSessionCookieIsASecureHostCookie() throws Exception {
        Settings settings = Settings.from(Map.of("MASTHEAD_PORT", "0", "MASTHEAD_SECURE_COOKIES", "true"), null,
                Files.createTempDirectory("masthead-secure"));
        try (Database database = Database.connect(app.database.jdbcUrl(), 2);
             Masthead secure = Masthead.start(settings, database, app.clock)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + secure.port();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login")).build(), BodyHandlers.ofString());
            String csrf = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertThat(csrf).startsWith("__Host-mh_csrf=");
            String form = "_csrf=" + csrf.substring(csrf.indexOf('=') + 1) + "&email=jane.doe%40example.org&password="
                    + PASSWORD.replace(' ', '+');
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                    .header("Cookie", csrf).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                    .startsWith("__Host-mh_staff=").containsIgnoringCase("; Secure").containsIgnoringCase("Path=/")
                    .doesNotContainIgnoringCase("Domain="));
        }
    }

    private static Instant lastSeen(String hash) {
        return app.database.jdbi().withHandle(h -> h.createQuery("select last_seen_at from staff_sessions where token_hash = :h")
                .bind("h", hash).mapTo(Instant.class).one());
    }
}
