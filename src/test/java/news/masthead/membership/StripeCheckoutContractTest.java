package news.masthead.membership;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import news.masthead.accounts.StaffBrowser;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.OutboxMail;
import news.masthead.testing.RunningMasthead;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout through Stripe, with Stripe's API played by WireMock: the request stripe-java sends, and
 * what the reader sees when Stripe answers or fails. Payloads are shaped like Stripe's documented ones.
 */
class StripeCheckoutContractTest {
    static final WireMockServer stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        stripe.start();
    }

    static final RunningMasthead app = RunningMasthead.start(Database.connect(TestDatabases.freshUrl(), 4), Map.of(
            "STRIPE_SECRET_KEY", "sk_test_contract", "STRIPE_WEBHOOK_SECRET", "whsec_contract",
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

    static StaffBrowser reader(String email) {
        app.clock.advance(Duration.ofMinutes(16));
        StaffBrowser browser = new StaffBrowser(app);
        browser.post("/account/sign-in", Map.of("email", email));
        OutboxMail mail = app.masthead.mailer().recent(100).stream().filter(m -> m.to().equals(email)).findFirst().orElseThrow();
        browser.post("/account/verify", Map.of("token", mail.text().replaceAll("(?s).*/account/verify\\?token=(\\S+).*", "$1")));
        return browser;
    }

    Plan monthly() {
        return app.masthead.membership().activePlans().stream().filter(p -> p.name().equals("Member")).findFirst().orElseThrow();
    }

    static final String SESSION = """
            {"id": "cs_test_a1b2c3", "object": "checkout.session", "mode": "subscription", "status": "open",
             "payment_status": "unpaid", "client_reference_id": "1", "currency": "usd", "amount_total": 500,
             "url": "https://checkout.stripe.com/c/pay/cs_test_a1b2c3", "livemode": false, "metadata": {"plan_id": "1"}}""";

    @Test
    void joiningSendsTheReaderToStripeCheckoutWithPlanAndReaderInTheSession() {
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(okJson(SESSION)));
        StaffBrowser browser = reader("stripe.reader@example.org");
        HttpResponse<String> join = browser.get("/membership/checkout/" + monthly().id());
        assertThat(join.statusCode()).isEqualTo(303);
        assertThat(join.headers().firstValue("Location")).hasValue("https://checkout.stripe.com/c/pay/cs_test_a1b2c3");

        assertThat(stripe.getAllServeEvents()).hasSize(1);
        ServeEvent event = stripe.getAllServeEvents().getFirst();
        assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Bearer sk_test_contract");
        String form = URLDecoder.decode(event.getRequest().getBodyAsString(), StandardCharsets.UTF_8);
        long readerId = app.database.jdbi().withHandle(h -> h.createQuery("select id from readers where email = 'stripe.reader@example.org'")
                .mapTo(Long.class).one());
        assertThat(form).contains("mode=subscription")
                .contains("client_reference_id=" + readerId)
                .contains("customer_email=stripe.reader@example.org")
                .contains("metadata[plan_id]=" + monthly().id())
                .contains("subscription_data[metadata][reader_id]=" + readerId)
                .contains("line_items[0][price_data][unit_amount]=500")
                .contains("line_items[0][price_data][currency]=usd")
                .contains("line_items[0][price_data][recurring][interval]=month")
                .contains("success_url=" + app.url("/account?joined=1"));
        // nothing is stored until the signed webhook says the checkout completed
        assertThat(app.masthead.membership().subscriptionsOf(readerId)).isEmpty();
    }

    @Test
    void whenStripeIsDownTheReaderSeesAFriendlyErrorAndNothingIsCreated() {
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong on Stripe's end.\"}}")));
        StaffBrowser browser = reader("stripe.down@example.org");
        HttpResponse<String> join = browser.get("/membership/checkout/" + monthly().id());
        assertThat(join.statusCode()).isEqualTo(503);
        assertThat(join.body()).contains("Payments are unavailable").contains("Nothing was charged");
        long readerId = app.database.jdbi().withHandle(h -> h.createQuery("select id from readers where email = 'stripe.down@example.org'")
                .mapTo(Long.class).one());
        assertThat(app.masthead.membership().subscriptionsOf(readerId)).isEmpty();
    }

    @Test
    void thereIsNoTestCheckoutWhenStripeTakesThePayments() {
        StaffBrowser browser = reader("no.test@example.org");
        assertThat(browser.post("/membership/checkout/" + monthly().id(), Map.of("outcome", "succeed")).statusCode()).isEqualTo(404);
        assertThat(stripe.getAllServeEvents()).isEmpty();
    }

    @Test
    void aStripeMemberIsSentToTheCustomerPortal() {
        String email = "portal@example.org";
        StaffBrowser browser = reader(email);
        assertThat(browser.post("/membership/portal", Map.of()).statusCode()).isEqualTo(409);
        long readerId = app.database.jdbi().withHandle(h -> h.createQuery("select id from readers where email = :e").bind("e", email)
                .mapTo(Long.class).one());
        String payload = MembershipHttpTest.event("evt_portal", "checkout.session.completed", app.clock.instant(),
                MembershipHttpTest.session("cs_portal", readerId, monthly().id(), "sub_portal", email).replace("cus_test", "cus_portal"));
        HttpResponse<String> hook = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/webhooks/stripe")))
                .header("Stripe-Signature", StripeSignature.header(payload, "whsec_contract", app.clock.instant().getEpochSecond()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(payload)).build());
        assertThat(hook.body()).contains("started");
        stripe.stubFor(post(urlEqualTo("/v1/billing_portal/sessions")).willReturn(okJson("""
                {"id": "bps_test_1", "object": "billing_portal.session", "customer": "cus_portal", "livemode": false,
                 "return_url": "http://localhost/account", "url": "https://billing.stripe.com/p/session/test_1"}""")));
        HttpResponse<String> portal = browser.post("/membership/portal", Map.of());
        assertThat(portal.statusCode()).isEqualTo(303);
        assertThat(portal.headers().firstValue("Location")).hasValue("https://billing.stripe.com/p/session/test_1");
        String form = URLDecoder.decode(stripe.getAllServeEvents().getFirst().getRequest().getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(form).contains("customer=cus_portal").contains("return_url=" + app.url("/account"));
        assertThat(app.masthead.membership().summary(new news.masthead.accounts.Reader(readerId, email, "")).inStripe()).isTrue();
    }
}
