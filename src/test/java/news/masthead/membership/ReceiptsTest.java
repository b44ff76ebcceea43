package news.masthead.membership;

import jakarta.mail.internet.MimeMessage;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.TestSmtp;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts by mail (a real SMTP server) for the first payment and every renewal, once per invoice
 * however the provider delivers; the account page lists them; staff grant complimentary memberships by email.
 */
class ReceiptsTest {
    static final String SECRET = "whsec_receipts_test";
    static final TestSmtp smtp = new TestSmtp();
    static final RunningMasthead app;

    static {
        Map<String, String> env = new HashMap<>(smtp.env());
        env.put("STRIPE_WEBHOOK_SECRET", SECRET);
        app = RunningMasthead.start(Database.connect(TestDatabases.freshUrl(), 4), env);
        app.masthead.membership().ensureDemoPlans();
    }

    @AfterAll
    static void stop() {
        app.close();
        smtp.close();
    }

    static Plan monthly() {
        return app.masthead.membership().activePlans().stream().filter(p -> p.name().equals("Member")).findFirst().orElseThrow();
    }

    /** A browser signed in as this reader through the link mailed to them. */
    static StaffBrowser reader(String email) {
        app.clock.advance(Duration.ofMinutes(16));
        StaffBrowser browser = new StaffBrowser(app);
        assertThat(browser.post("/account/sign-in", Map.of("email", email)).statusCode()).isEqualTo(200);
        String link = TestSmtp.link(smtp.await(email, 1));
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(browser.post("/account/verify", Map.of("token", token)).statusCode()).isEqualTo(303);
        return browser;
    }

    static long readerId(String email) {
        return app.database.jdbi().withHandle(h -> h.createQuery("select id from readers where lower(email) = lower(:e)").bind("e", email)
                .mapTo(Long.class).one());
    }

    HttpResponse<String> deliver(String payload) {
        return app.send(HttpRequest.newBuilder(URI.create(app.url("/webhooks/stripe")))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeSignature.header(payload, SECRET, app.clock.instant().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    /** An invoice as Stripe's API 2025-03-31 shapes it: the subscription (and its metadata) under parent, the period on the line. */
    static String invoice(String id, String subscription, long amount, Instant start, Instant end, long reader, long plan, String email) {
        return """
                {"id": "%s", "object": "invoice", "status": "paid", "billing_reason": "subscription_cycle",
                 "amount_due": %d, "amount_paid": %d, "currency": "usd", "customer": "cus_r", "customer_email": "%s",
                 "status_transitions": {"paid_at": %d},
                 "lines": {"object": "list", "data": [{"id": "il_1", "object": "line_item", "amount": %d,
                   "period": {"start": %d, "end": %d}}]},
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "%s",
                   "metadata": {"reader_id": "%d", "plan_id": "%d"}}}}""".formatted(id, amount, amount, email, start.getEpochSecond(),
                amount, start.getEpochSecond(), end.getEpochSecond(), subscription, reader, plan);
    }

    long receipts(long reader) {
        return app.database.jdbi().withHandle(h -> h.createQuery("select count(*) from receipts where reader_id = :r").bind("r", reader)
                .mapTo(Long.class).one());
    }

    @Test
    void theFirstPaymentAndEachRenewalMailOneReceiptEachHoweverOftenDelivered() throws Exception {
        String email = "renewing@example.org";
        StaffBrowser browser = reader(email);
        long reader = readerId(email);
        Instant t = app.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant firstEnd = t.plus(Duration.ofDays(30));
        // the first payment: checkout completion names the invoice, and invoice.paid for it comes too (either order)
        String paidFirst = MembershipHttpTest.event("evt_p1", "invoice.paid", t.plusSeconds(1),
                invoice("in_first", "sub_renew", 500, t, firstEnd, reader, monthly().id(), email));
        assertThat(deliver(paidFirst).body()).contains("receipt;");
        String checkout = MembershipHttpTest.event("evt_c1", "checkout.session.completed", t,
                MembershipHttpTest.session("first", reader, monthly().id(), "sub_renew", email));
        assertThat(deliver(checkout).body()).contains("already known");
        assertThat(deliver(paidFirst).body()).contains("duplicate");
        assertThat(receipts(reader)).isEqualTo(1);

        // a renewal a month later; Stripe retries it under a new event id: still one receipt for it
        Instant secondEnd = firstEnd.plus(Duration.ofDays(31));
        String renewal = invoice("in_second", "sub_renew", 500, firstEnd, secondEnd, reader, monthly().id(), email);
        assertThat(deliver(MembershipHttpTest.event("evt_p2", "invoice.paid", firstEnd.plusSeconds(60), renewal)).body())
                .contains("receipt; applied");
        assertThat(deliver(MembershipHttpTest.event("evt_p2b", "invoice.paid", firstEnd.plusSeconds(61), renewal)).body())
                .contains("receipt already made");
        assertThat(receipts(reader)).isEqualTo(2);
        assertThat(app.masthead.membership().subscriptionsOf(reader)).singleElement().extracting(Subscription::periodEnd).isEqualTo(secondEnd);

        MimeMessage second = smtp.await(email, 3); // the sign-in link, then two receipts
        assertThat(second.getSubject()).isEqualTo("Your receipt: Member");
        assertThat(TestSmtp.body(second)).contains("Amount paid: 5.00 USD").contains("Plan: Member (billed every month)")
                .contains("Period: " + firstEnd.toString().substring(0, 10) + " to " + secondEnd.toString().substring(0, 10))
                .contains("Reference: in_second");
        Thread.sleep(300);
        assertThat(smtp.to(email)).hasSize(3);

        // the account page lists both
        String account = browser.get("/account").body();
        assertThat(account).contains("Invoices and receipts").contains("Member (active)")
                .contains(firstEnd.toString().substring(0, 10) + " to " + secondEnd.toString().substring(0, 10))
                .contains("5.00 USD");
    }

    @Test
    void aZeroInvoiceOrAnUnrelatedOneMakesNoReceipt() {
        String email = "trialist@example.org";
        reader(email);
        long reader = readerId(email);
        Instant t = app.clock.instant();
        assertThat(deliver(MembershipHttpTest.event("evt_z1", "invoice.paid", t,
                invoice("in_trial", "sub_trial", 0, t, t.plus(Duration.ofDays(14)), reader, monthly().id(), email))).body())
                .contains("no receipt: nothing paid");
        assertThat(deliver(MembershipHttpTest.event("evt_z2", "invoice.paid", t,
                "{\"id\": \"in_other\", \"object\": \"invoice\", \"amount_paid\": 900, \"currency\": \"usd\"}")).body())
                .contains("ignored");
        assertThat(receipts(reader)).isZero();
    }

    @Test
    void aTestPaymentMailsAReceiptWithPlanPeriodAndAmount() throws Exception {
        String email = "demo.payer@example.org";
        StaffBrowser browser = reader(email);
        assertThat(browser.post("/membership/checkout/" + monthly().id(), Map.of("outcome", "succeed")).statusCode()).isEqualTo(200);
        MimeMessage mail = smtp.await(email, 2);
        assertThat(mail.getSubject()).isEqualTo("Your receipt: Member");
        assertThat(TestSmtp.body(mail)).contains("Amount paid: 5.00 USD").contains("Period: ").contains("TEST payment");
        assertThat(browser.get("/account").body()).contains("Member membership, monthly").contains("Cancel membership");
    }

    @Test
    void staffGrantAComplimentaryMembershipByEmailMakingTheAccountIfNeeded() {
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        String until = app.clock.instant().plus(Duration.ofDays(30)).toString().substring(0, 10);
        Map<String, String> form = new HashMap<>(Map.of("email", "  New.Guest@Example.org ", "plan", Long.toString(monthly().id()), "until", until));
        assertThat(editor.post("/admin/membership/complimentary", form).statusCode()).isEqualTo(303);
        long guest = readerId("new.guest@example.org");
        assertThat(app.masthead.membership().entitlements().of(guest, app.clock.instant())).contains("premium");
        assertThat(app.masthead.membership().entitlements().of(guest, app.clock.instant().plus(Duration.ofDays(32)))).isEmpty();
        // an existing reader keeps their account
        String email = "known.guest@example.org";
        reader(email);
        form.put("email", "KNOWN.guest@example.org");
        assertThat(editor.post("/admin/membership/complimentary", form).statusCode()).isEqualTo(303);
        assertThat(app.masthead.membership().summary(app.masthead.accounts().reader(readerId(email)).orElseThrow()).planName())
                .isEqualTo("Member (complimentary)");
        assertThat(count("select count(*) from readers where lower(email) like '%guest@example.org'")).isEqualTo(2);
    }

    @Test
    void aComplimentaryGrantWithBadInputIsRefusedNamingTheField() {
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        String plan = Long.toString(monthly().id());
        String until = app.clock.instant().plus(Duration.ofDays(30)).toString().substring(0, 10);
        String past = app.clock.instant().minus(Duration.ofDays(2)).toString().substring(0, 10);
        assertRefused(editor.post("/admin/membership/complimentary", Map.of("email", "not an address", "plan", plan, "until", until)), "email");
        assertRefused(editor.post("/admin/membership/complimentary", Map.of("email", "", "plan", plan, "until", until)), "email");
        assertRefused(editor.post("/admin/membership/complimentary", Map.of("email", "a@example.org", "plan", "999999", "until", until)), "plan");
        assertRefused(editor.post("/admin/membership/complimentary", Map.of("email", "a@example.org", "plan", plan, "until", past)), "until");
        assertRefused(editor.post("/admin/membership/complimentary", Map.of("email", "a@example.org", "plan", plan, "until", "9999-12-31")), "until");
        assertThat(count("select count(*) from readers where email = 'a@example.org'")).isZero();
        // without the CSRF token nothing happens
        assertThat(editor.postExactly("/admin/membership/complimentary", Map.of("email", "b@example.org", "plan", plan, "until", until))
                .statusCode()).isEqualTo(403);
    }

    static long count(String sql) {
        return app.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    static void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(field);
    }
}
