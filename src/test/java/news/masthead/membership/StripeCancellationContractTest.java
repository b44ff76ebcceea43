package news.masthead.membership;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import news.masthead.accounts.StaffBrowser;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.OutboxMail;
import news.masthead.platform.web.WebError;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cancelling Stripe subscriptions at Stripe, with Stripe's API played by WireMock (responses shaped
 * like Stripe's documented ones): when a reader deletes their account (through the privacy pages)
 * and when staff cancel. Stripe is told before anything is erased; when it refuses or cannot be
 * reached, nothing changes.
 */
class StripeCancellationContractTest {
    static final WireMockServer stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        stripe.start();
    }

    static final RunningMasthead app = RunningMasthead.start(Database.connect(TestDatabases.freshUrl(), 4), Map.of(
            "STRIPE_SECRET_KEY", "sk_test_cancel", "STRIPE_WEBHOOK_SECRET", "whsec_cancel",
            "STRIPE_API_BASE", "http://localhost:" + stripe.port()));

    static {
        app.masthead.membership().ensureDemoPlans();
    }

    @AfterAll
    static void stop() {
        app.close();
        stripe.stop();
    }

    @BeforeEach
    void reset() {
        stripe.resetAll();
    }

    static Membership membership() {
        return app.masthead.membership();
    }

    record Member(StaffBrowser browser, long id, String email) {
    }

    /** A signed-in reader whose Stripe checkout for the monthly plan completed (subscription {@code ref}). */
    static Member stripeMember(String email, String ref) {
        app.clock.advance(Duration.ofMinutes(16));
        StaffBrowser browser = new StaffBrowser(app);
        browser.post("/account/sign-in", Map.of("email", email));
        OutboxMail mail = app.masthead.mailer().recent(100).stream().filter(m -> m.to().equals(email)).findFirst().orElseThrow();
        browser.post("/account/verify", Map.of("token", mail.text().replaceAll("(?s).*/account/verify\\?token=(\\S+).*", "$1")));
        long id = app.database.jdbi().withHandle(h -> h.createQuery("select id from readers where email = :e").bind("e", email)
                .mapTo(Long.class).one());
        long plan = membership().activePlans().stream().filter(p -> p.name().equals("Member")).findFirst().orElseThrow().id();
        assertThat(deliver(MembershipHttpTest.event("evt_start_" + ref, "checkout.session.completed", app.clock.instant(),
                MembershipHttpTest.session("cs_" + ref, id, plan, ref, email))).body()).contains("started");
        assertThat(membership().subscriptionsOf(id)).singleElement().extracting(Subscription::status).isEqualTo(Status.ACTIVE);
        return new Member(browser, id, email);
    }

    static HttpResponse<String> deliver(String payload) {
        return app.send(HttpRequest.newBuilder(URI.create(app.url("/webhooks/stripe")))
                .header("Stripe-Signature", StripeSignature.header(payload, "whsec_cancel", app.clock.instant().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    /** Stripe's answer to {@code DELETE /v1/subscriptions/{id}}: the subscription, cancelled now. */
    static String cancelled(String ref) {
        long now = app.clock.instant().getEpochSecond();
        return """
                {"id": "%s", "object": "subscription", "status": "canceled", "cancel_at_period_end": false,
                 "canceled_at": %d, "ended_at": %d, "customer": "cus_test", "livemode": false,
                 "cancellation_details": {"comment": null, "feedback": null, "reason": "cancellation_requested"},
                 "items": {"object": "list", "data": [], "has_more": false, "url": "/v1/subscription_items?subscription=%s"},
                 "metadata": {}}""".formatted(ref, now, now, ref);
    }

    static final String SERVER_ERROR = """
            {"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}""";

    static String missing(String ref) {
        return """
                {"error": {"code": "resource_missing", "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
                 "message": "No such subscription: '%s'", "param": "id", "type": "invalid_request_error"}}""".formatted(ref);
    }

    static HttpResponse<String> deleteAccount(Member m) {
        return m.browser().post("/account/delete", Map.of("confirmEmail", m.email()));
    }

    static long erasures(long readerId) {
        return app.database.jdbi().withHandle(h -> h.createQuery("select count(*) from staff_audit where action = 'reader.erase' and reader_id = :r")
                .bind("r", readerId).mapTo(Long.class).one());
    }

    @Test
    void deletingAnAccountCancelsItsStripeSubscriptionAtStripeOnceThenErases() {
        Member m = stripeMember("leaving.stripe@example.org", "sub_leaving");
        stripe.stubFor(delete(urlEqualTo("/v1/subscriptions/sub_leaving")).willReturn(okJson(cancelled("sub_leaving"))));

        HttpResponse<String> deleted = deleteAccount(m);
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/account/deleted");

        stripe.verify(1, deleteRequestedFor(urlEqualTo("/v1/subscriptions/sub_leaving")));
        assertThat(stripe.getAllServeEvents()).singleElement()
                .satisfies(e -> assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer sk_test_cancel"));
        assertThat(app.masthead.accounts().reader(m.id())).isEmpty();
        assertThat(erasures(m.id())).isEqualTo(1);
        assertThat(membership().subscriptionsOf(m.id())).singleElement().extracting(Subscription::status).isEqualTo(Status.CANCELLED);
        assertThat(membership().exportFor(m.id()).toString()).contains("cancelled at Stripe");

        // Stripe then tells us it deleted the subscription: nothing more happens, however often it says so
        Subscription before = membership().subscriptionsOf(m.id()).getFirst();
        String gone = MembershipHttpTest.event("evt_gone_leaving", "customer.subscription.deleted", app.clock.instant().plusSeconds(2),
                MembershipHttpTest.subscription("sub_leaving", "canceled", false, app.clock.instant(), m.id(), before.planId()));
        assertThat(deliver(gone).body()).contains("already cancelled");
        assertThat(deliver(gone).body()).contains("duplicate");
        assertThat(membership().subscriptionsOf(m.id())).containsExactly(before);
        // an older update delivered late cannot bring it back
        assertThat(deliver(MembershipHttpTest.event("evt_late_leaving", "customer.subscription.updated", app.clock.instant().minusSeconds(5),
                MembershipHttpTest.subscription("sub_leaving", "active", false, app.clock.instant().plus(Duration.ofDays(30)), m.id(),
                        before.planId()))).body()).contains("stale");
        assertThat(membership().subscriptionsOf(m.id())).containsExactly(before);
        stripe.verify(1, deleteRequestedFor(urlEqualTo("/v1/subscriptions/sub_leaving")));
    }

    @Test
    void whenStripeFailsTheDeletionIsRefusedKindlyAndNothingChanges() {
        Member m = stripeMember("stripe.down.delete@example.org", "sub_down");
        stripe.stubFor(delete(urlEqualTo("/v1/subscriptions/sub_down")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(SERVER_ERROR)));

        HttpResponse<String> refused = deleteAccount(m);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("We could not cancel your payments with Stripe just now; nothing was deleted");
        assertRefusedAndIntact(m);

        // once Stripe is back, the same request goes through
        stripe.resetAll();
        stripe.stubFor(delete(urlEqualTo("/v1/subscriptions/sub_down")).willReturn(okJson(cancelled("sub_down"))));
        assertThat(deleteAccount(m).statusCode()).isEqualTo(303);
        assertThat(app.masthead.accounts().reader(m.id())).isEmpty();
        assertThat(membership().subscriptionsOf(m.id())).singleElement().extracting(Subscription::status).isEqualTo(Status.CANCELLED);
    }

    @Test
    void whenStripeCannotBeReachedTheDeletionIsRefusedAndNothingChanges() {
        Member m = stripeMember("stripe.unreachable@example.org", "sub_unreachable");
        stripe.stubFor(delete(urlEqualTo("/v1/subscriptions/sub_unreachable")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HttpResponse<String> refused = deleteAccount(m);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("nothing was deleted");
        assertRefusedAndIntact(m);
    }

    private static void assertRefusedAndIntact(Member m) {
        stripe.verify(deleteRequestedFor(urlEqualTo("/v1/subscriptions/" + membership().subscriptionsOf(m.id()).getFirst().providerRef())));
        assertThat(app.masthead.accounts().reader(m.id())).hasValueSatisfying(r -> assertThat(r.email()).isEqualTo(m.email()));
        assertThat(m.browser().get("/api/v1/me").body()).contains("\"signedIn\":true");
        assertThat(erasures(m.id())).isZero();
        assertThat(membership().subscriptionsOf(m.id())).singleElement().extracting(Subscription::status).isEqualTo(Status.ACTIVE);
        assertThat(membership().entitlements().of(m.id(), app.clock.instant())).contains("premium");
    }

    @Test
    void aSubscriptionStripeNoLongerHasCountsAsCancelled() {
        Member m = stripeMember("stripe.missing@example.org", "sub_missing");
        stripe.stubFor(delete(urlEqualTo("/v1/subscriptions/sub_missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(missing("sub_missing"))));

        assertThat(deleteAccount(m).statusCode()).isEqualTo(303);
        stripe.verify(1, deleteRequestedFor(urlEqualTo("/v1/subscriptions/sub_missing")));
        assertThat(app.masthead.accounts().reader(m.id())).isEmpty();
        assertThat(membership().subscriptionsOf(m.id())).singleElement().extracting(Subscription::status).isEqualTo(Status.CANCELLED);
        assertThat(membership().exportFor(m.id()).toString()).contains("Stripe no longer had it");
    }

    @Test
    void aReaderWithoutAStripeSubscriptionIsErasedWithoutAskingStripe() {
        Member m = stripeMember("stripe.ended@example.org", "sub_ended");
        assertThat(deliver(MembershipHttpTest.event("evt_ended", "customer.subscription.deleted", app.clock.instant().plusSeconds(1),
                MembershipHttpTest.subscription("sub_ended", "canceled", false, app.clock.instant(), m.id(), 1))).body()).contains("applied");
        assertThat(membership().subscriptionsOf(m.id())).singleElement().extracting(Subscription::status).isEqualTo(Status.EXPIRED);

        assertThat(deleteAccount(m).statusCode()).isEqualTo(303);
        assertThat(stripe.getAllServeEvents()).isEmpty();
        assertThat(app.masthead.accounts().reader(m.id())).isEmpty();
    }

    @Test
    void staffCancellingAStripeMembershipCancelsItAtStripeAndKeepsThePaidPeriod() {
        Member m = stripeMember("staff.cancel@example.org", "sub_staff");
        Subscription s = membership().subscriptionsOf(m.id()).getFirst();
        stripe.stubFor(delete(urlEqualTo("/v1/subscriptions/sub_staff")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody(SERVER_ERROR)));
        assertThatThrownBy(() -> membership().cancel(s.id(), "staff:Editor Eve")).isInstanceOfSatisfying(WebError.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).contains("nothing was changed");
        });
        assertThat(membership().subscriptionsOf(m.id())).containsExactly(s);

        stripe.resetAll();
        stripe.stubFor(delete(urlEqualTo("/v1/subscriptions/sub_staff")).willReturn(okJson(cancelled("sub_staff"))));
        Subscription after = membership().cancel(s.id(), "staff:Editor Eve");
        assertThat(after.status()).isEqualTo(Status.CANCELLED);
        assertThat(after.periodEnd()).isEqualTo(s.periodEnd());
        stripe.verify(1, deleteRequestedFor(urlEqualTo("/v1/subscriptions/sub_staff")));
        assertThat(membership().entitlements().of(m.id(), app.clock.instant())).contains("premium");
        // cancelling again is refused as before, and Stripe is not asked again
        assertThatThrownBy(() -> membership().cancel(s.id(), "staff:Editor Eve")).isInstanceOfSatisfying(WebError.class,
                e -> assertThat(e.status()).isEqualTo(409));
        stripe.verify(1, deleteRequestedFor(urlEqualTo("/v1/subscriptions/sub_staff")));
    }

    @Test
    void aStripeThatDoesNotAnswerInTimeIsAFailure() {
        stripe.stubFor(delete(urlEqualTo("/v1/subscriptions/sub_slow")).willReturn(okJson(cancelled("sub_slow")).withFixedDelay(3_000)));
        StripeCheckout slow = new StripeCheckout(new PaymentSettings("sk_test_cancel", null, "http://localhost:" + stripe.port()), 500);
        assertThat(slow.cancel("sub_slow")).isEqualTo(StripeCheckout.Cancelled.FAILED);
        assertThat(slow.cancel("")).isEqualTo(StripeCheckout.Cancelled.FAILED);
    }
}
