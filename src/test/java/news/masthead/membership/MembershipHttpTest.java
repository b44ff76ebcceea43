package news.masthead.membership;

import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.platform.mail.OutboxMail;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Membership over HTTP on a running node: the plans page, the demo checkout, the admin and the Stripe webhook. */
class MembershipHttpTest {
    static final String SECRET = "whsec_membership_test";
    static final RunningMasthead app = RunningMasthead.start(news.masthead.platform.db.Database.connect(TestDatabases.freshUrl(), 4),
            Map.of("STRIPE_WEBHOOK_SECRET", SECRET));

    static {
        app.masthead.membership().ensureDemoPlans();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    Membership membership() {
        return app.masthead.membership();
    }

    Plan monthly() {
        return membership().activePlans().stream().filter(p -> p.name().equals("Member")).findFirst().orElseThrow();
    }

    /** A browser signed in as a new reader, through the link the outbox holds. */
    static StaffBrowser reader(String email) {
        app.clock.advance(Duration.ofMinutes(16)); // a fresh sign-in rate-limit window
        StaffBrowser browser = new StaffBrowser(app);
        assertThat(browser.post("/account/sign-in", Map.of("email", email)).statusCode()).isEqualTo(200);
        OutboxMail mail = app.masthead.mailer().recent(100).stream().filter(m -> m.to().equals(email)).findFirst().orElseThrow();
        String token = mail.text().replaceAll("(?s).*/account/verify\\?token=(\\S+).*", "$1");
        assertThat(browser.post("/account/verify", Map.of("token", token)).statusCode()).isEqualTo(303);
        return browser;
    }

    static long readerId(String email) {
        return app.database.jdbi().withHandle(h -> h.createQuery("select id from readers where email = :e").bind("e", email)
                .mapTo(Long.class).one());
    }

    @Test
    void thePlansPageComparesTheActivePlansWithAJoinButton() {
        HttpResponse<String> page = app.get("/membership");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Membership</h1>").contains("$5.00 / month").contains("The Premium section")
                .contains("href=\"/membership/checkout/" + monthly().id() + "\"").contains("The first 14 days are free");
    }

    @Test
    void aSuccessfulTestPaymentStartsTheMembershipAndMailsAReceipt() {
        String email = "payer@example.org";
        StaffBrowser browser = reader(email);
        HttpResponse<String> checkout = browser.get("/membership/checkout/" + monthly().id());
        assertThat(checkout.statusCode()).isEqualTo(200);
        assertThat(checkout.body()).contains("TEST CHECKOUT").contains("name=\"_csrf\"").contains(email);

        HttpResponse<String> paid = browser.post("/membership/checkout/" + monthly().id(), Map.of("outcome", "succeed"));
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("Welcome, member");
        assertThat(membership().entitlements().of(readerId(email), app.clock.instant()))
                .containsExactly("ad-light", "epaper", "magazine", "partner:the-partner", "premium");
        assertThat(app.masthead.mailer().recent(100)).anySatisfy(m -> {
            assertThat(m.to()).isEqualTo(email);
            assertThat(m.subject()).isEqualTo("Your receipt: Member");
            assertThat(m.text()).contains("5.00 USD").contains("TEST payment");
        });
    }

    @Test
    void aFailedTestPaymentCreatesNothing() {
        String email = "declined@example.org";
        StaffBrowser browser = reader(email);
        HttpResponse<String> failed = browser.post("/membership/checkout/" + monthly().id(), Map.of("outcome", "fail"));
        assertThat(failed.statusCode()).isEqualTo(402);
        assertThat(failed.body()).contains("did not go through").contains("Nothing was charged");
        assertThat(membership().subscriptionsOf(readerId(email))).isEmpty();
    }

    @Test
    void checkoutNeedsASignedInReaderAndTheCsrfToken() {
        HttpResponse<String> stranger = new StaffBrowser(app).get("/membership/checkout/" + monthly().id());
        assertThat(stranger.statusCode()).isEqualTo(303);
        assertThat(stranger.headers().firstValue("Location").orElseThrow()).startsWith("/account/sign-in?next=");

        String email = "forged@example.org";
        StaffBrowser browser = reader(email);
        HttpResponse<String> forged = browser.postExactly("/membership/checkout/" + monthly().id(), Map.of("outcome", "succeed"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(membership().subscriptionsOf(readerId(email))).isEmpty();
        assertThat(browser.post("/membership/checkout/" + monthly().id(), Map.of("outcome", "maybe")).statusCode()).isEqualTo(400);
        assertThat(browser.get("/membership/checkout/abc").statusCode()).isEqualTo(400);
        assertThat(browser.get("/membership/checkout/987654").statusCode()).isEqualTo(404);
    }

    @Test
    void anArchivedPlanCannotBeCheckedOut() {
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        HttpResponse<String> created = editor.post("/admin/membership/plans", Map.of("name", "Short-lived", "price", "3",
                "currency", "EUR", "billing", "month", "trialDays", "0", "benefits", "Fewer ads", "entitlements", "ad-light"));
        assertThat(created.statusCode()).isEqualTo(303);
        Plan plan = membership().plans().stream().filter(p -> p.name().equals("Short-lived")).findFirst().orElseThrow();
        assertThat(editor.post("/admin/membership/plans/" + plan.id() + "/archive", Map.of("archived", "true")).statusCode()).isEqualTo(303);
        assertThat(app.get("/membership").body()).doesNotContain("Short-lived");

        String email = "archived@example.org";
        StaffBrowser browser = reader(email);
        assertThat(browser.get("/membership/checkout/" + plan.id()).statusCode()).isEqualTo(409);
        HttpResponse<String> post = browser.post("/membership/checkout/" + plan.id(), Map.of("outcome", "succeed"));
        assertThat(post.statusCode()).isEqualTo(409);
        assertThat(post.body()).contains("no longer offered");
        assertThat(membership().subscriptionsOf(readerId(email))).isEmpty();
    }

    @Test
    void theAdminRefusesAbsurdPricesAndKeepsPlansWithSubscribers() {
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        assertThat(editor.get("/admin/membership").body()).contains("Membership plans").contains("Member, yearly");
        HttpResponse<String> absurd = editor.post("/admin/membership/plans", Map.of("name", "Gold", "price", "99999999",
                "currency", "USD", "billing", "month", "entitlements", "premium"));
        assertThat(absurd.statusCode()).isEqualTo(400);
        assertThat(membership().plans()).noneMatch(p -> p.name().equals("Gold"));

        StaffBrowser browser = reader("keeper@example.org");
        browser.post("/membership/checkout/" + monthly().id(), Map.of("outcome", "succeed"));
        assertThat(editor.post("/admin/membership/plans/" + monthly().id() + "/delete", Map.of()).statusCode()).isEqualTo(409);
        assertThat(membership().plan(monthly().id())).isPresent();

        assertThat(StaffBrowser.signedIn(app, Role.CONTRIBUTOR).get("/admin/membership").statusCode()).isEqualTo(403);
    }

    @Test
    void staffGrantAComplimentaryMembershipWithAnEndDate() {
        String email = "guest@example.org";
        reader(email);
        StaffBrowser editor = StaffBrowser.signedIn(app, Role.EDITOR);
        String until = app.clock.instant().plus(Duration.ofDays(30)).toString().substring(0, 10);
        HttpResponse<String> granted = editor.post("/admin/membership/complimentary", Map.of("reader", Long.toString(readerId(email)),
                "plan", Long.toString(monthly().id()), "until", until));
        assertThat(granted.statusCode()).isEqualTo(303);
        assertThat(membership().entitlements().of(readerId(email), app.clock.instant())).contains("premium");
        assertThat(membership().entitlements().of(readerId(email), app.clock.instant().plus(Duration.ofDays(32)))).isEmpty();
        assertThat(editor.post("/admin/membership/complimentary", Map.of("reader", Long.toString(readerId(email)),
                "plan", Long.toString(monthly().id()), "until", "next tuesday")).statusCode()).isEqualTo(400);
    }

    // ---- the Stripe webhook

    HttpResponse<String> deliver(String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/webhooks/stripe")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return app.send(request.build());
    }

    HttpResponse<String> deliver(String payload) {
        return deliver(payload, StripeSignature.header(payload, SECRET, app.clock.instant().getEpochSecond()));
    }

    static String event(String id, String type, Instant created, String object) {
        return """
                {"id": "%s", "object": "event", "api_version": "2025-03-31.basil", "created": %d, "livemode": false,
                 "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "%s",
                 "data": {"object": %s}}""".formatted(id, created.getEpochSecond(), type, object);
    }

    static String session(String sessionId, long reader, long plan, String subscription, String email) {
        return """
                {"id": "%s", "object": "checkout.session", "mode": "subscription", "status": "complete",
                 "payment_status": "paid", "client_reference_id": "%d", "customer": "cus_test",
                 "customer_details": {"email": "%s"}, "subscription": "%s", "metadata": {"plan_id": "%d"},
                 "invoice": "in_%s", "amount_total": 500, "currency": "usd"}""".formatted(sessionId, reader, email, subscription, plan, sessionId);
    }

    static String subscription(String id, String status, boolean cancelAtPeriodEnd, Instant periodEnd, long reader, long plan) {
        return """
                {"id": "%s", "object": "subscription", "status": "%s", "cancel_at_period_end": %s, "customer": "cus_test",
                 "items": {"object": "list", "data": [{"id": "si_1", "object": "subscription_item", "current_period_end": %d}]},
                 "metadata": {"reader_id": "%d", "plan_id": "%d"}}""".formatted(id, status, cancelAtPeriodEnd, periodEnd.getEpochSecond(), reader, plan);
    }

    long events() {
        return app.database.jdbi().withHandle(h -> h.createQuery("select count(*) from payment_events").mapTo(Long.class).one());
    }

    @Test
    void aBadSignatureIsA400AndChangesNothing() {
        String email = "badsig@example.org";
        reader(email);
        String payload = event("evt_bad", "checkout.session.completed", app.clock.instant(),
                session("cs_bad", readerId(email), monthly().id(), "sub_bad", email));
        long before = events();
        assertThat(deliver(payload, null).statusCode()).isEqualTo(400);
        assertThat(deliver(payload, "t=1,v1=deadbeef").statusCode()).isEqualTo(400);
        assertThat(deliver(payload, StripeSignature.header(payload, "whsec_wrong", app.clock.instant().getEpochSecond())).statusCode()).isEqualTo(400);
        assertThat(deliver(payload + " ", StripeSignature.header(payload, SECRET, app.clock.instant().getEpochSecond())).statusCode()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
        assertThat(membership().subscriptionsOf(readerId(email))).isEmpty();
    }

    @Test
    void aCompletedCheckoutStartsTheMembershipOnceHoweverOftenItIsDelivered() {
        String email = "stripe.payer@example.org";
        reader(email);
        long reader = readerId(email);
        String payload = event("evt_checkout_1", "checkout.session.completed", app.clock.instant(),
                session("cs_1", reader, monthly().id(), "sub_1", email));
        HttpResponse<String> first = deliver(payload);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("started");
        HttpResponse<String> again = deliver(payload);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("duplicate");
        assertThat(membership().subscriptionsOf(reader)).hasSize(1);
        assertThat(app.masthead.mailer().recent(100)).filteredOn(m -> m.to().equals(email) && m.subject().startsWith("Your receipt")).hasSize(1);
        // every event is recorded, with what it did
        String outcome = app.database.jdbi().withHandle(h -> h.createQuery("select outcome from payment_events where event_id = 'evt_checkout_1'")
                .mapTo(String.class).one());
        assertThat(outcome).isEqualTo("started");
    }

    @Test
    void anOlderEventDeliveredLateDoesNotUndoANewerOne() {
        String email = "reorder@example.org";
        reader(email);
        long reader = readerId(email);
        Instant t = app.clock.instant();
        Instant end = t.plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // the update arrives before the checkout completion: it starts the subscription from its metadata
        assertThat(deliver(event("evt_r2", "customer.subscription.updated", t.plusSeconds(20),
                subscription("sub_r", "active", true, end, reader, monthly().id()))).body()).contains("applied");
        assertThat(deliver(event("evt_r1", "customer.subscription.updated", t.plusSeconds(10),
                subscription("sub_r", "active", false, end, reader, monthly().id()))).body()).contains("stale");
        assertThat(deliver(event("evt_r0", "checkout.session.completed", t,
                session("cs_r", reader, monthly().id(), "sub_r", email))).body()).contains("already known");
        assertThat(membership().subscriptionsOf(reader)).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(Status.CANCELLED);
            assertThat(s.periodEnd()).isEqualTo(end);
        });
    }

    @Test
    void aFailedInvoiceMakesItPastDueAndDeletionEndsIt() {
        String email = "failing@example.org";
        reader(email);
        long reader = readerId(email);
        Instant t = app.clock.instant();
        deliver(event("evt_f0", "checkout.session.completed", t, session("cs_f", reader, monthly().id(), "sub_f", email)));
        String invoice = """
                {"id": "in_1", "object": "invoice", "status": "open", "amount_due": 500, "currency": "usd",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_f"}}}""";
        assertThat(deliver(event("evt_f1", "invoice.payment_failed", t.plusSeconds(5), invoice)).body()).contains("applied");
        assertThat(membership().subscriptionsOf(reader)).singleElement().extracting(Subscription::status).isEqualTo(Status.PAST_DUE);
        assertThat(membership().entitlements().of(reader, app.clock.instant())).contains("premium");

        assertThat(deliver(event("evt_f2", "customer.subscription.deleted", t.plusSeconds(9),
                subscription("sub_f", "canceled", false, t, reader, monthly().id()))).body()).contains("applied");
        assertThat(membership().subscriptionsOf(reader)).singleElement().extracting(Subscription::status).isEqualTo(Status.EXPIRED);
        assertThat(membership().entitlements().of(reader, app.clock.instant())).isEmpty();
        assertThat(deliver(event("evt_f3", "customer.subscription.updated", t.plusSeconds(12),
                subscription("sub_f", "active", false, t.plus(Duration.ofDays(30)), reader, monthly().id()))).body()).contains("ignored");
    }

    @Test
    void unknownEventsAndJunkBodiesAreHandledCalmly() {
        assertThat(deliver(event("evt_other", "customer.created", app.clock.instant(), "{\"id\": \"cus_1\"}")).body()).contains("ignored");
        assertThat(deliver("not json").statusCode()).isEqualTo(400);
        assertThat(deliver("{\"id\": \"evt_x\"}").statusCode()).isEqualTo(400);
    }
}
