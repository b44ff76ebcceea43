package news.masthead.accounts;

import news.masthead.platform.web.WebError;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolesAndTokensTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final Accounts accounts = app.masthead.accounts();

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void rolesIncludeTheOnesBelowThem() {
        assertThat(Role.ADMIN.atLeast(Role.EDITOR)).isTrue();
        assertThat(Role.EDITOR.atLeast(Role.EDITOR)).isTrue();
        assertThat(Role.CONTRIBUTOR.atLeast(Role.EDITOR)).isFalse();
        assertThat(Role.parse(" Editor ")).isEqualTo(Role.EDITOR);
        assertThatThrownBy(() -> Role.parse("owner")).isInstanceOf(WebError.class).hasMessageContaining("Unknown role 'owner'");
    }

    @Test
    void aContributorSeesTheDashboardButNotTheStaffList() {
        StaffBrowser contributor = StaffBrowser.signedIn(app, Role.CONTRIBUTOR);
        HttpResponse<String> dashboard = contributor.get("/admin");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).doesNotContain("href=\"/admin/staff\"");
        HttpResponse<String> staff = contributor.get("/admin/staff");
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(staff.body()).contains("This needs the admin role; you are signed in as contributor.");
        assertThat(StaffBrowser.signedIn(app, Role.EDITOR).get("/admin/staff").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminSeesTheStaffList() {
        accounts.addStaff("listed@example.org", "Listed <b>Person</b>", Role.EDITOR, "twelve chars!");
        HttpResponse<String> staff = StaffBrowser.signedIn(app, Role.ADMIN).get("/admin/staff");
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.body()).contains("listed@example.org").contains("Listed &lt;b&gt;Person&lt;/b&gt;").doesNotContain("<b>Person");
    }

    @Test
    void aRequestThatIsNotAPageGetsA401InsteadOfARedirect() {
        HttpResponse<String> json = new StaffBrowser(app).get("/admin", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(json.body()).contains("\"error\":\"Sign in to the admin first.\"");
    }

    @Test
    void aValidBearerTokenIdentifiesItsClientAndNotesItsUse() {
        String token = accounts.createApiToken("wire importer");
        assertThat(token).matches("mh_[A-Za-z0-9_-]{43}");
        HttpResponse<String> response = whoami("Bearer " + token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"wire importer\"");
        Instant used = app.database.jdbi().withHandle(h -> h.createQuery("select last_used_at from api_tokens where name = 'wire importer'")
                .mapTo(Instant.class).one());
        assertThat(used).isEqualTo(app.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        String stored = app.database.jdbi().withHandle(h -> h.createQuery("select token_hash from api_tokens where name = 'wire importer'")
                .mapTo(String.class).one());
        assertThat(stored).isEqualTo(Secrets.sha256(token)).doesNotContain(token.substring(3));
    }

    @Test
    void aMissingOrWrongTokenIsA401InJson() {
        String real = accounts.createApiToken("real");
        for (String header : new String[] {null, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer mh_nope",
                "Bearer " + real.substring(0, real.length() - 1) + (real.endsWith("A") ? "B" : "A"), "Bearer " + real + "x"}) {
            HttpResponse<String> response = whoami(header);
            assertThat(response.statusCode()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.body()).contains("\"status\":401");
        }
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        String token = accounts.createApiToken("old laptop");
        assertThat(whoami("Bearer " + token).statusCode()).isEqualTo(200);
        ApiClient client = accounts.apiClients().stream().filter(c -> c.name().equals("old laptop")).findFirst().orElseThrow();
        assertThat(accounts.revokeApiToken(client.id())).isTrue();
        assertThat(accounts.revokeApiToken(client.id())).isFalse();
        HttpResponse<String> response = whoami("Bearer " + token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("not valid or has been revoked");
        assertThat(accounts.apiClients()).doesNotContain(client);
    }

    @Test
    void aStaffMemberNeedsAValidEmailANameAndTwelveCharacters() {
        assertThatThrownBy(() -> accounts.addStaff("not-an-email", "X", Role.EDITOR, "long enough pass"))
                .isInstanceOf(WebError.class).hasMessageContaining("'not-an-email' is not an email address")
                .extracting(e -> ((WebError) e).field()).isEqualTo("email");
        assertThatThrownBy(() -> accounts.addStaff("a@b", "X", Role.EDITOR, "long enough pass"))
                .extracting(e -> ((WebError) e).field()).isEqualTo("email");
        assertThatThrownBy(() -> accounts.addStaff("short@example.org", "X", Role.EDITOR, "elevenchars"))
                .isInstanceOf(WebError.class).hasMessageContaining("at least 12 characters")
                .extracting(e -> ((WebError) e).field()).isEqualTo("password");
        assertThatThrownBy(() -> accounts.addStaff("blank@example.org", "  ", Role.EDITOR, "long enough pass"))
                .extracting(e -> ((WebError) e).field()).isEqualTo("name");
        assertThatThrownBy(() -> accounts.addStaff("norole@example.org", "X", null, "long enough pass"))
                .extracting(e -> ((WebError) e).field()).isEqualTo("role");
    }

    @Test
    void twoStaffMembersCannotShareAnEmailInAnyLetterCase() {
        accounts.addStaff("Sam@example.org", "Sam", Role.EDITOR, "long enough pass");
        assertThatThrownBy(() -> accounts.addStaff("sAM@EXAMPLE.org", "Other Sam", Role.ADMIN, "long enough pass"))
                .isInstanceOf(WebError.class).hasMessageContaining("already exists")
                .extracting(e -> ((WebError) e).status()).isEqualTo(409);
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        accounts.addStaff("hashed@example.org", "Hashed", Role.EDITOR, "plain text password");
        String hash = app.database.jdbi().withHandle(h -> h.createQuery("select password_hash from staff where email = 'hashed@example.org'")
                .mapTo(String.class).one());
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("plain text password");
    }

    private static HttpResponse<String> whoami(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/api/v1/whoami"))).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return app.send(request.build());
    }
}
