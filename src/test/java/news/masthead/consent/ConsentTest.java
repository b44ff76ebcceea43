package news.masthead.consent;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Consent over HTTP on a running node: status, choices as JSON and as a form, signatures, versions, GPC, the log. */
class ConsentTest {
    static final RunningMasthead app = RunningMasthead.start();

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aNewBrowserHasNotChosenAndTheStatusMintsNoFormToken() {
        Visitor reader = new Visitor(app);
        HttpResponse<String> status = reader.get("/consent/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Cache-Control")).hasValue("no-store");
        // the page's one token request (/csrf, csrf.js) mints it, so concurrent scripts cannot disagree
        assertThat(status.body()).contains("\"decided\":false").contains("\"csrf\":null");
        assertThat(reader.cookie("mh_csrf")).isNull();
        String token = reader.csrf();
        assertThat(reader.get("/consent/status").body()).contains("\"csrf\":\"" + token + "\"");
    }

    @Test
    void rejectingAllByJsonIsRememberedUnderTheCurrentPolicy() {
        Visitor reader = new Visitor(app);
        reader.get("/consent/status");
        HttpResponse<String> posted = reader.postJson("{\"choice\":\"reject\"}");
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("\"granted\":[]");
        String cookie = reader.cookie("mh_consent");
        assertThat(cookie).matches(app.masthead.consent().policyVersion() + "\\.0\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
        assertThat(reader.get("/consent/status").body()).contains("\"decided\":true");
    }

    @Test
    void theConsentCookieIsLaxHttpOnlyAndLastsMonthsNotYears() {
        Visitor reader = new Visitor(app);
        reader.get("/consent/status");
        HttpResponse<String> posted = reader.postJson("{\"choice\":\"accept\"}");
        String setCookie = posted.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("mh_consent=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("SameSite=Lax").contains("HttpOnly").contains("Path=/").contains("Max-Age=15552000");
    }

    @Test
    void aPlainFormChoiceWorksWithoutScriptAndGoesBackWhereTheReaderWas() {
        Visitor reader = new Visitor(app);
        assertThat(reader.get("/consent").body()).contains("Accept all").contains("Reject all").contains("Save choices");
        HttpResponse<String> posted = reader.postForm("/consent", "choice", "custom", "categories", "preferences", "return", "/search?q=x");
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValue("/search?q=x");
        assertThat(reader.cookie("mh_consent")).contains(".1.");
        assertThat(reader.get("/consent").body()).contains("Your current choice: necessary, preferences");
    }

    @Test
    void theReturnAddressNeverLeadsToAnotherSite() {
        for (String evil : new String[]{"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            Visitor reader = new Visitor(app);
            HttpResponse<String> posted = reader.postForm("/consent", "choice", "reject", "return", evil);
            assertThat(posted.headers().firstValue("Location")).as(evil).hasValue("/");
        }
    }

    @Test
    void aChoiceWithoutTheFormTokenIsRefusedAndNothingIsStored() {
        Visitor reader = new Visitor(app);
        HttpResponse<String> posted = reader.postFormExactly("/consent", "choice", "accept");
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(reader.cookie("mh_consent")).isNull();
    }

    @Test
    void nonsenseChoicesAreClearErrorsNamingTheField() {
        Visitor reader = new Visitor(app);
        reader.get("/consent/status");
        assertThat(reader.postForm("/consent", "choice", "everything").statusCode()).isEqualTo(400);
        assertThat(reader.postForm("/consent", "choice", "custom", "categories", "necessary").statusCode()).isEqualTo(400);
        assertThat(reader.postJson("[1,2]").statusCode()).isEqualTo(400);
        assertThat(reader.postJson("{not json").statusCode()).isEqualTo(400);
        assertThat(reader.postJson("{\"choice\":\"custom\",\"categories\":[\"tracking\"]}").statusCode()).isEqualTo(400);
        assertThat(reader.cookie("mh_consent")).isNull();
    }

    @Test
    void aForgedOrTamperedConsentCookieCountsAsNoConsent() {
        Visitor reader = new Visitor(app);
        reader.get("/consent/status");
        reader.postJson("{\"choice\":\"reject\"}");
        String genuine = reader.cookie("mh_consent");
        String[] parts = genuine.split("\\.");
        String upgraded = parts[0] + ".7." + parts[2] + "." + parts[3];
        String madeUp = parts[0] + ".7.AAAAAAAAAAAAAAAAAAAAAA." + "A".repeat(43);
        for (String forged : new String[]{upgraded, madeUp, "1.7", "", "%00", "x".repeat(5000)}) {
            reader.setCookie("mh_consent", forged);
            assertThat(reader.get("/consent/status").body()).as(forged).contains("\"decided\":false").contains("\"granted\":[]");
        }
    }

    @Test
    void globalPrivacyControlRefusesAnalyticsAndAdvertisingEvenOnAcceptAll() {
        Visitor reader = new Visitor(app);
        reader.get("/consent/status");
        HttpResponse<String> posted = reader.postForm("/consent", "choice", "accept");
        assertThat(posted.statusCode()).isEqualTo(303);
        Visitor gpcReader = new Visitor(app);
        gpcReader.get("/consent/status");
        HttpResponse<String> withGpc = gpcReader.postJson("{\"choice\":\"accept\"}", "Sec-GPC", "1");
        assertThat(withGpc.body()).contains("\"granted\":[\"preferences\"]");
        assertThat(gpcReader.cookie("mh_consent")).contains(".1.");
    }

    @Test
    void aNewPolicyVersionAsksEveryoneAgain() {
        Visitor reader = new Visitor(app);
        reader.get("/consent/status");
        reader.postJson("{\"choice\":\"accept\"}");
        assertThat(reader.get("/consent/status").body()).contains("\"decided\":true");
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        int before = app.masthead.consent().policyVersion();
        assertThat(admin.post("/admin/consent/policy", Map.of("policy", "We now also count visits.")).statusCode()).isEqualTo(303);
        assertThat(app.masthead.consent().policyVersion()).isEqualTo(before + 1);
        assertThat(reader.get("/consent/status").body()).contains("\"decided\":false");
        assertThat(app.get("/cookie-policy").body()).contains("We now also count visits.").contains("Version " + (before + 1));
    }

    @Test
    void declaringAScriptBumpsTheVersionAndOnlyFirstPartyPathsAreAccepted() {
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        int before = app.masthead.consent().policyVersion();
        for (String bad : new String[]{"https://tracker.example/t.js", "//tracker.example/t.js", "javascript:alert(1)", " "}) {
            assertThat(admin.post("/admin/consent/declarations", Map.of("kind", "script", "name", bad, "category", "analytics"))
                    .statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(admin.post("/admin/consent/declarations", Map.of("kind", "script", "name", "/assets/stats.js",
                "category", "analytics", "purpose", "Counts visits")).statusCode()).isEqualTo(303);
        assertThat(admin.post("/admin/consent/declarations", Map.of("kind", "script", "name", "/assets/stats.js",
                "category", "analytics")).statusCode()).isEqualTo(409);
        assertThat(app.masthead.consent().policyVersion()).isEqualTo(before + 1);
        assertThat(app.masthead.consent().scripts(Category.ANALYTICS)).contains("/assets/stats.js");
        assertThat(admin.get("/admin/consent").body()).contains("/assets/stats.js").contains("Counts visits");
    }

    @Test
    void onlyAdminsSeeTheConsentAdminAndTheLog() {
        assertThat(app.get("/admin/consent").statusCode()).isIn(302, 303, 401, 403);
        assertThat(app.get("/admin/consent/log.csv").statusCode()).isIn(302, 303, 401, 403);
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        assertThat(editor.get("/admin/consent/log.csv").statusCode()).isEqualTo(403);
    }

    @Test
    void theLogExportsAsCsvWithoutAddressesOrBrowsers() {
        Visitor reader = new Visitor(app);
        reader.get("/consent/status");
        reader.postJson("{\"choice\":\"custom\",\"categories\":[\"analytics\",\"preferences\"]}");
        String subject = reader.cookie("mh_consent").split("\\.")[2];
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        HttpResponse<String> csv = admin.get("/admin/consent/log.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith(LogCsv.HEADER + "\r\n");
        assertThat(csv.body()).containsPattern("\\d{4}-\\d\\d-\\d\\dT[^,]+,\\d+," + java.util.regex.Pattern.quote(subject)
                + ",\"preferences,analytics\",false,banner\r\n");
        assertThat(csv.body()).doesNotContain("127.0.0.1").doesNotContain("Java-http-client");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(LogCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(LogCsv.cell("+1")).isEqualTo("'+1");
        assertThat(LogCsv.cell("-1")).isEqualTo("'-1");
        assertThat(LogCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(LogCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(LogCsv.cell("plain")).isEqualTo("plain");
    }

}
