package news.masthead.membership;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import news.masthead.accounts.Reader;

import java.util.Locale;
import java.util.Optional;

/**
 * Talks to Stripe's API (stripe-java): starts a Checkout Session for a plan, opens the customer
 * portal, and cancels a subscription. Nothing is stored here: the membership starts when the signed
 * webhook says the checkout completed. The session and the subscription it makes carry the reader
 * and plan in their metadata, so the webhook knows whose it is whichever event arrives first.
 */
final class StripeCheckout {
    /** What Stripe said to cancelling a subscription. */
    enum Cancelled {
        /** Stripe cancelled it now. */
        NOW,
        /** Stripe has no such subscription (404 {@code resource_missing}): nothing is billed any more. */
        MISSING,
        /** Stripe refused, failed or could not be reached: it may still bill the reader. */
        FAILED
    }

    private final StripeClient client;

    StripeCheckout(PaymentSettings settings) {
        this(settings, 15_000);
    }

    /** @param readTimeoutMillis how long to wait for Stripe's answer (tests shorten it) */
    StripeCheckout(PaymentSettings settings, int readTimeoutMillis) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(settings.stripeSecretKey())
                .setConnectTimeout(5_000).setReadTimeout(readTimeoutMillis).setMaxNetworkRetries(1);
        if (settings.apiBase() != null) {
            builder.setApiBase(settings.apiBase());
        }
        this.client = builder.build();
    }

    /** The Checkout page to send the reader to; empty when Stripe could not be reached or refused. */
    Optional<String> begin(Reader reader, Plan plan, String baseUrl) {
        SessionCreateParams.SubscriptionData.Builder subscription = SessionCreateParams.SubscriptionData.builder()
                .putMetadata("reader_id", Long.toString(reader.id())).putMetadata("plan_id", Long.toString(plan.id()));
        if (plan.trialDays() > 0) {
            subscription.setTrialPeriodDays((long) plan.trialDays());
        }
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setSuccessUrl(baseUrl + "/account?joined=1")
                .setCancelUrl(baseUrl + "/membership")
                .setClientReferenceId(Long.toString(reader.id()))
                .setCustomerEmail(reader.email())
                .putMetadata("plan_id", Long.toString(plan.id()))
                .setSubscriptionData(subscription.build())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L).setPriceData(PriceData.builder()
                        .setCurrency(plan.currency().toLowerCase(Locale.ROOT))
                        .setUnitAmount(plan.priceMinor())
                        .setRecurring(PriceData.Recurring.builder().setInterval(plan.billing() == Plan.Billing.YEAR
                                ? PriceData.Recurring.Interval.YEAR : PriceData.Recurring.Interval.MONTH).build())
                        .setProductData(PriceData.ProductData.builder().setName(plan.name()).build())
                        .build()).build())
                .build();
        try {
            return Optional.ofNullable(client.v1().checkout().sessions().create(params).getUrl());
        } catch (StripeException e) {
            org.slf4j.LoggerFactory.getLogger(StripeCheckout.class).warn("Stripe refused a checkout session: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The customer portal (card changes, cancelling) for a Stripe customer; empty when Stripe failed. */
    Optional<String> portal(String customer, String returnUrl) {
        try {
            return Optional.ofNullable(client.v1().billingPortal().sessions().create(
                    com.stripe.param.billingportal.SessionCreateParams.builder().setCustomer(customer).setReturnUrl(returnUrl).build()).getUrl());
        } catch (StripeException e) {
            org.slf4j.LoggerFactory.getLogger(StripeCheckout.class).warn("Stripe refused a portal session: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Cancels a Stripe subscription at once ({@code DELETE /v1/subscriptions/{id}}), so Stripe bills
     * the reader no more. Never throws: a refusal or an unreachable Stripe is {@link Cancelled#FAILED}.
     */
    Cancelled cancel(String subscription) {
        if (subscription == null || subscription.isBlank()) {
            return Cancelled.FAILED;
        }
        try {
            client.v1().subscriptions().cancel(subscription);
            return Cancelled.NOW;
        } catch (StripeException e) {
            if (Integer.valueOf(404).equals(e.getStatusCode()) && "resource_missing".equals(e.getCode())) {
                return Cancelled.MISSING;
            }
            org.slf4j.LoggerFactory.getLogger(StripeCheckout.class).warn("Stripe did not cancel subscription {}: {}", subscription, e.getMessage());
            return Cancelled.FAILED;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(StripeCheckout.class).warn("Stripe's answer to cancelling subscription {} was unusable", subscription, e);
            return Cancelled.FAILED;
        }
    }
}
