package news.masthead.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.comments.Comment;
import news.masthead.comments.Comments;
import news.masthead.comments.SignedInReader;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader's data export and account deletion over HTTP, against the real database, nasty cases included. */
class PrivacyRightsTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final ObjectMapper json = new ObjectMapper();
    static final Comments comments = app.masthead.comments();
    static {
        app.masthead.newsroom().saveSection(null, "town", "Town", "", 1);
        app.masthead.membership().ensureDemoPlans();
    }

    /** A newly published article (comments close 14 days after publishing, and tests move the clock). */
    static long article() {
        long id = app.masthead.newsroom().create(ArticleDraft.of("Council meets " + System.nanoTime(), "", "Text.", "town"), null);
        app.masthead.newsroom().publish(id, null);
        return id;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode parse(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    static Comment commentBy(SignedInReader reader, String text) {
        app.clock.advance(Duration.ofMinutes(1));
        Comment c = comments.post(reader.reader(), article(), null, text, true, "");
        comments.approve(c.id());
        return c;
    }

    static void grant(SignedInReader reader) {
        long plan = app.masthead.membership().plans().getFirst().id();
        app.masthead.membership().grantComplimentary(reader.reader().id(), plan, app.clock.instant().plus(Duration.ofDays(30)), "Editor Eve");
    }

    static String lastMailTo(String email) {
        return app.database.jdbi().withHandle(h -> h.createQuery(
                        "select subject || '\n' || coalesce(text_body, '') from outbox_mail where recipient = :r order by id desc limit 1")
                .bind("r", email).mapTo(String.class).findOne().orElse(""));
    }

    static long count(String sql) {
        return app.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    static List<AuditEntry> auditOf(long readerId) {
        return app.masthead.privacy().auditLog(readerId, 50);
    }

    @Test
    void aReaderDownloadsAllTheirDataAsOneJsonFile() {
        SignedInReader ana = SignedInReader.signIn(app, "ana.export@example.org", "Ana");
        commentBy(ana, "The *roads* need work.");
        grant(ana);
        ana.browser().post("/consent", Map.of("choice", "reject"));

        HttpResponse<String> download = ana.browser().get("/account/data");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"my-data-");
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode data = parse(download);
        assertThat(data.at("/account/email").asText()).isEqualTo("ana.export@example.org");
        assertThat(data.at("/account/displayName").asText()).isEqualTo("Ana");
        assertThat(data.at("/account/sessions").size()).isGreaterThanOrEqualTo(1);
        assertThat(download.body()).doesNotContain(ana.session());
        assertThat(data.at("/comments/comments/0/text").asText()).isEqualTo("The *roads* need work.");
        assertThat(data.at("/comments/replyMailFor").size()).isEqualTo(1);
        assertThat(data.at("/membership/subscriptions/0/provider").asText()).isEqualTo("complimentary");
        assertThat(data.at("/membership/subscriptions/0/history").size()).isGreaterThanOrEqualTo(1);
        assertThat(data.at("/consent/choices/0/categories").asText()).isEqualTo("none");
        assertThat(data.at("/consent/choices").size()).isEqualTo(1);
    }

    @Test
    void theDownloadIsAlwaysTheSignedInReadersOwnWhateverIdsAreForged() {
        SignedInReader bob = SignedInReader.signIn(app, "bob.forger@example.org", "Bob");
        SignedInReader cat = SignedInReader.signIn(app, "cat.victim@example.org", "Cat");
        commentBy(cat, "Cat's private thoughts.");
        long catId = cat.reader().id();
        for (String path : List.of("/account/data?reader=" + catId, "/account/data?id=" + catId + "&readerId=" + catId)) {
            HttpResponse<String> r = bob.browser().get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("bob.forger@example.org").doesNotContain("cat.victim").doesNotContain("private thoughts");
        }
        // the staff download of a reader is for admins only, and never for a reader's cookie
        assertThat(bob.browser().get("/admin/privacy/readers/" + catId + "/data").statusCode()).isEqualTo(303);
        assertThat(StaffBrowser.signedIn(app, Role.EDITOR).get("/admin/privacy/readers/" + catId + "/data").statusCode()).isEqualTo(403);
        assertThat(new StaffBrowser(app).get("/account/data").statusCode()).isEqualTo(303);
        assertThat(new StaffBrowser(app).get("/account/data", "Accept", "application/json").statusCode()).isEqualTo(401);
        assertThat(auditOf(catId)).isEmpty();
    }

    @Test
    void anAdminsDownloadOfAReadersDataIsAudited() {
        SignedInReader dan = SignedInReader.signIn(app, "dan.audited@example.org", "Dan");
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        HttpResponse<String> r = admin.get("/admin/privacy/readers/" + dan.reader().id() + "/data");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(parse(r).at("/account/email").asText()).isEqualTo("dan.audited@example.org");
        assertThat(auditOf(dan.reader().id())).extracting(AuditEntry::action).containsExactly("reader.export");
        assertThat(auditOf(dan.reader().id()).getFirst().actor()).isEqualTo("staff:Test admin");
        assertThat(admin.get("/admin/privacy/readers/99999999/data").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/privacy/readers/x'1/data").statusCode()).isEqualTo(400);
    }

    @Test
    void deletingTheAccountNeedsTheTokenAndTheTypedAddress() {
        SignedInReader eve = SignedInReader.signIn(app, "eve.careful@example.org", "Eve");
        assertThat(eve.browser().postExactly("/account/delete", Map.of("confirmEmail", "eve.careful@example.org")).statusCode()).isEqualTo(403);
        assertThat(eve.browser().postExactly("/account/delete", Map.of("confirmEmail", "eve.careful@example.org", "_csrf", "forged-token-0123456789abcdefghijklmnopqrstu")).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = eve.browser().post("/account/delete", Map.of("confirmEmail", "someone@example.org"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("not your account");
        assertThat(eve.browser().post("/account/delete", Map.of()).statusCode()).isEqualTo(400);
        assertThat(app.masthead.accounts().reader(eve.reader().id())).isPresent();
    }

    @Test
    void deletingTheAccountCancelsAnonymisesSignsOutMailsAndAudits() {
        SignedInReader fay = SignedInReader.signIn(app, "fay.leaving@example.org", "Fay");
        Comment c = commentBy(fay, "Goodbye, town.");
        grant(fay);
        long plan = app.masthead.membership().plans().getFirst().id();
        assertThat(fay.browser().post("/membership/checkout/" + plan, Map.of("outcome", "succeed")).statusCode()).isEqualTo(200);
        String otherSession = SignedInReader.signIn(app, "fay.leaving@example.org", null).session();

        HttpResponse<String> deleted = fay.browser().post("/account/delete", Map.of("confirmEmail", "FAY.leaving@example.org "));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/account/deleted");
        assertThat(fay.browser().get("/account/deleted").body()).contains("Your account is deleted");

        assertThat(fay.browser().get("/api/v1/me").body()).contains("\"signedIn\":false");
        StaffBrowser other = new StaffBrowser(app);
        other.setCookie("mh_reader", otherSession);
        assertThat(other.get("/api/v1/me").body()).contains("\"signedIn\":false");
        assertThat(app.masthead.accounts().reader(fay.reader().id())).isEmpty();

        Comment after = comments.find(c.id());
        assertThat(after.authorName()).isEqualTo("Deleted reader");
        assertThat(after.bodyText()).isEqualTo("Goodbye, town.");
        assertThat(comments.conversation(c.articleId(), java.util.Optional.empty()).threads())
                .anySatisfy(t -> assertThat(t.comment().authorName()).isEqualTo("Deleted reader"));
        assertThat(comments.exportFor(fay.reader().id()).get("replyMailFor")).isEqualTo(List.of());

        assertThat(app.masthead.membership().subscriptionsOf(fay.reader().id())).hasSize(2)
                .allSatisfy(s -> assertThat(s.status().name()).isIn("CANCELLED", "EXPIRED"));
        assertThat(auditOf(fay.reader().id()).getFirst().detail()).contains("1 subscription(s) cancelled");
        assertThat(lastMailTo("fay.leaving@example.org")).contains("is deleted").contains("Deleted reader");
        assertThat(auditOf(fay.reader().id())).extracting(AuditEntry::action).contains("reader.erase", "membership.complimentary");
        assertThat(count("select count(*) from readers where lower(email) = 'fay.leaving@example.org'")).isZero();
        assertThat(count("select count(*) from sign_in_links where lower(email) = 'fay.leaving@example.org'")).isZero();

        // deleting twice: the session is gone, and staff find no such reader
        assertThat(fay.browser().post("/account/delete", Map.of("confirmEmail", "fay.leaving@example.org")).statusCode()).isEqualTo(401);
        assertThat(app.masthead.privacy().erase(fay.reader().id(), "reader")).isFalse();
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        assertThat(admin.post("/admin/privacy/readers/" + fay.reader().id() + "/delete", Map.of("confirmEmail", "fay.leaving@example.org"))
                .statusCode()).isEqualTo(404);

        // the address can sign up again, as a new, empty account
        SignedInReader again = SignedInReader.signIn(app, "fay.leaving@example.org", null);
        assertThat(again.reader().id()).isNotEqualTo(fay.reader().id());
        assertThat(parse(again.browser().get("/account/data")).at("/comments/comments").size()).isZero();
    }

    @Test
    void underTheRemovePolicyAnErasedReadersCommentsLoseTheirText() {
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        assertThat(admin.post("/admin/privacy/settings", Map.of("commentErasure", "remove", "keepSignInLinksDays", "1",
                "keepLoginAttemptsDays", "1", "keepSentMailDays", "30")).statusCode()).isEqualTo(303);
        try {
            SignedInReader gil = SignedInReader.signIn(app, "gil.gone@example.org", "Gil");
            Comment c = commentBy(gil, "Remove me entirely.");
            assertThat(app.masthead.privacy().erase(gil.reader().id(), "reader")).isTrue();
            Comment after = comments.find(c.id());
            assertThat(after.deleted()).isTrue();
            assertThat(after.bodyText()).isEmpty();
            assertThat(after.authorName()).isEqualTo("Deleted reader");
        } finally {
            admin.post("/admin/privacy/settings", Map.of("commentErasure", "anonymise", "keepSignInLinksDays", "1",
                    "keepLoginAttemptsDays", "1", "keepSentMailDays", "30"));
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        HttpResponse<String> r = admin.post("/admin/privacy/settings", Map.of("commentErasure", "shred", "keepSignInLinksDays", "1",
                "keepLoginAttemptsDays", "1", "keepSentMailDays", "30"));
        assertThat(r.statusCode()).isEqualTo(400);
        r = admin.post("/admin/privacy/settings", Map.of("commentErasure", "anonymise", "keepSignInLinksDays", "0",
                "keepLoginAttemptsDays", "1", "keepSentMailDays", "30"));
        assertThat(r.statusCode()).isEqualTo(400);
        r = admin.post("/admin/privacy/settings", Map.of("commentErasure", "anonymise", "keepSignInLinksDays", "1",
                "keepLoginAttemptsDays", "1", "keepSentMailDays", "-3"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(StaffBrowser.signedIn(app, Role.EDITOR).post("/admin/privacy/settings", Map.of("commentErasure", "remove",
                "keepSignInLinksDays", "1", "keepLoginAttemptsDays", "1", "keepSentMailDays", "30")).statusCode()).isEqualTo(403);
        assertThat(app.masthead.privacy().settings().anonymise()).isTrue();
    }

    @Test
    void appealChoicesAreInTheExportAndGoWithTheAccount() {
        SignedInReader fay = SignedInReader.signIn(app, "fay.appeals@example.org", "Fay");
        app.masthead.appeals().ensureDemoAppeal();
        long appeal = app.database.jdbi().withHandle(h -> h.createQuery("select min(id) from appeals").mapTo(Long.class).one());
        app.database.jdbi().useHandle(h -> h.createUpdate("insert into appeal_choices (reader_id, appeal_id, until, chosen_at) values (:r, :a, null, now())")
                .bind("r", fay.reader().id()).bind("a", appeal).execute());

        JsonNode data = parse(fay.browser().get("/account/data"));
        assertThat(data.at("/appealChoices/0/choice").asText()).isEqualTo("don't show it again");

        assertThat(app.masthead.privacy().erase(fay.reader().id(), "reader")).isTrue();
        int left = app.database.jdbi().withHandle(h -> h.createQuery("select count(*) from appeal_choices where reader_id = :r")
                .bind("r", fay.reader().id()).mapTo(Integer.class).one());
        assertThat(left).isZero();
    }
}
