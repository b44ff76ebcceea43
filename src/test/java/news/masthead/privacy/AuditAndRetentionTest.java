package news.masthead.privacy;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.comments.Comment;
import news.masthead.comments.SignedInReader;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.platform.mail.Message;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff audit log, the retention job, and the platform's shared form token, over HTTP and the real database. */
class AuditAndRetentionTest {
    static final RunningMasthead app = RunningMasthead.start();
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

    static long count(String sql) {
        return app.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void moderationComplimentaryGrantsAndCancellingByStaffAreAudited() {
        SignedInReader hal = SignedInReader.signIn(app, "hal.moderated@example.org", "Hal");
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        long id = article();
        app.clock.advance(Duration.ofMinutes(1));
        Comment first = app.masthead.comments().post(hal.reader(), id, null, "First!", false, "");
        app.clock.advance(Duration.ofMinutes(1));
        Comment second = app.masthead.comments().post(hal.reader(), id, null, "Second!", false, "");
        assertThat(editor.post("/admin/comments/" + first.id() + "/approve", Map.of()).statusCode()).isEqualTo(303);
        assertThat(editor.post("/admin/comments/" + second.id() + "/ban", Map.of()).statusCode()).isEqualTo(303);
        long plan = app.masthead.membership().plans().getFirst().id();
        String until = app.clock.instant().plus(Duration.ofDays(30)).toString().substring(0, 10);
        assertThat(editor.post("/admin/membership/complimentary", Map.of("reader", Long.toString(hal.reader().id()),
                "plan", Long.toString(plan), "until", until)).statusCode()).isEqualTo(303);
        // a paid (demo) membership that staff cancel
        assertThat(hal.browser().post("/membership/checkout/" + plan, Map.of("outcome", "succeed")).statusCode()).isEqualTo(200);
        long paid = app.masthead.membership().subscriptionsOf(hal.reader().id()).stream()
                .filter(s -> s.provider().equals("demo")).findFirst().orElseThrow().id();
        app.masthead.membership().cancel(paid, "staff:Test editor");

        var entries = app.masthead.privacy().auditLog(hal.reader().id(), 50);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("membership.cancelled", "membership.complimentary", "comment.ban", "comment.approve");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("staff:Test editor");
            assertThat(e.readerId()).isEqualTo(hal.reader().id());
            assertThat(e.at()).isNotNull();
        });
        assertThat(entries.get(2).detail()).contains("comment " + second.id());
    }

    @Test
    void theAuditPageIsForAdminsAndFiltersByReader() {
        SignedInReader ida = SignedInReader.signIn(app, "ida.listed@example.org", "Ida");
        SignedInReader jon = SignedInReader.signIn(app, "jon.listed@example.org", "Jon");
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        admin.get("/admin/privacy/readers/" + ida.reader().id() + "/data");
        admin.get("/admin/privacy/readers/" + jon.reader().id() + "/data");

        HttpResponse<String> all = admin.get("/admin/audit");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("reader=" + ida.reader().id()).contains("reader=" + jon.reader().id());
        HttpResponse<String> one = admin.get("/admin/audit?reader=" + ida.reader().id());
        assertThat(one.body()).contains("reader=" + ida.reader().id()).doesNotContain("reader=" + jon.reader().id() + "\"");
        assertThat(admin.get("/admin/audit?reader=1%27%20or%201=1").statusCode()).isEqualTo(400);
        assertThat(StaffBrowser.signedIn(app, Role.EDITOR).get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(new StaffBrowser(app).get("/admin/audit").statusCode()).isEqualTo(303);
        assertThat(ida.browser().get("/admin/audit").statusCode()).isEqualTo(303);
    }

    @Test
    void anAdminDeletesAReaderAfterTypingTheirAddressAndItIsAudited() {
        SignedInReader kim = SignedInReader.signIn(app, "kim.removed@example.org", "Kim");
        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        assertThat(admin.get("/admin/privacy?email=kim.removed@example.org").body()).contains("Reader " + kim.reader().id());
        String path = "/admin/privacy/readers/" + kim.reader().id() + "/delete";
        assertThat(admin.postExactly(path, Map.of("confirmEmail", "kim.removed@example.org")).statusCode()).isEqualTo(403);
        assertThat(admin.post(path, Map.of("confirmEmail", "nope@example.org")).statusCode()).isEqualTo(400);
        assertThat(StaffBrowser.signedIn(app, Role.EDITOR).post(path, Map.of("confirmEmail", "kim.removed@example.org")).statusCode()).isEqualTo(403);
        assertThat(admin.post(path, Map.of("confirmEmail", "kim.removed@example.org")).statusCode()).isEqualTo(303);
        assertThat(kim.browser().get("/api/v1/me").body()).contains("\"signedIn\":false");
        assertThat(app.masthead.privacy().auditLog(kim.reader().id(), 10)).first()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("reader.erase");
                    assertThat(e.actor()).isEqualTo("staff:Test admin");
                });
        assertThat(admin.post(path, Map.of("confirmEmail", "kim.removed@example.org")).statusCode()).isEqualTo(404);
    }

    /** Waits until the mail is handed over (this call's pass, or the node's sender loop that may have claimed it first). */
    static void delivered(String recipient) {
        news.masthead.testing.Eventually.awaitTrue("mail to " + recipient + " handed over", () -> {
            app.masthead.mailer().deliverDue();
            return count("select count(*) from outbox_mail where recipient = '" + recipient + "' and status in ('sent', 'logged')") > 0;
        });
    }

    @Test
    void theRetentionJobPurgesWhatIsPastItsTimeAndKeepsTheRest() {
        Instant start = app.clock.instant();
        // old things: a used link, login attempts, a delivered mail; a stale reader session
        SignedInReader old = SignedInReader.signIn(app, "lee.old@example.org", "Lee");
        new StaffBrowser(app).signIn("nobody@example.org", "wrong password");
        app.masthead.mailer().send(new Message("old@example.org", "Old news", "Hello."));
        delivered("old@example.org");
        app.clock.advance(Duration.ofDays(40));
        // fresh things that must stay
        SignedInReader fresh = SignedInReader.signIn(app, "max.fresh@example.org", "Max");
        app.masthead.mailer().send(new Message("new@example.org", "New news", "Hello."));
        delivered("new@example.org");

        Retention.Purged purged = app.masthead.privacy().runRetention();
        assertThat(purged.signInLinks()).isGreaterThanOrEqualTo(1);
        assertThat(purged.loginAttempts()).isGreaterThanOrEqualTo(1);
        assertThat(purged.readerSessions()).isGreaterThanOrEqualTo(1);
        assertThat(purged.sentMail()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from outbox_mail where recipient = 'old@example.org'")).isZero();
        assertThat(count("select count(*) from outbox_mail where recipient = 'new@example.org'")).isEqualTo(1);
        assertThat(count("select count(*) from login_attempts where at < '" + start.plus(Duration.ofDays(1)) + "'")).isZero();
        assertThat(old.browser().get("/api/v1/me").body()).contains("\"signedIn\":false");
        assertThat(fresh.browser().get("/api/v1/me").body()).contains("\"signedIn\":true");
        assertThat(app.masthead.privacy().runRetention().total()).isZero();
    }

    @Test
    void theSharedTokenEndpointMintsOnceAndTheScriptsEndpointsNever() {
        HttpResponse<String> status = app.get("/consent/status");
        assertThat(status.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("mh_csrf="));
        HttpResponse<String> fragment = app.get("/comments/" + article() + "?fragment");
        assertThat(fragment.statusCode()).isEqualTo(200);
        StaffBrowser visitor = new StaffBrowser(app);
        HttpResponse<String> token = visitor.get("/csrf");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(token.body()).isEqualTo("{\"token\":\"" + visitor.cookie("mh_csrf") + "\"}");
        assertThat(visitor.get("/csrf").body()).isEqualTo(token.body());
        assertThat(visitor.get("/consent/status").body()).contains("\"csrf\":\"" + visitor.cookie("mh_csrf") + "\"");
    }

    @Test
    void consentEndpointsAnswerErrorsAsJson() {
        HttpResponse<String> noToken = app.send(HttpRequest.newBuilder(URI.create(app.url("/consent")))
                .header("Content-Type", "application/json").header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString("{\"choice\":\"accept\"}")).build());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(noToken.body()).startsWith("{\"error\":");

        StaffBrowser visitor = new StaffBrowser(app);
        String csrf = visitor.get("/csrf").body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        for (String body : new String[] {"not json", "{\"choice\":\"maybe\"}", "[1,2]"}) {
            HttpResponse<String> bad = app.send(HttpRequest.newBuilder(URI.create(app.url("/consent")))
                    .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                    .header("Cookie", "mh_csrf=" + csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(bad.statusCode()).as(body).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type").orElse("")).as(body).startsWith("application/json");
            assertThat(bad.body()).as(body).contains("\"field\":\"choice\"");
        }
    }
}
