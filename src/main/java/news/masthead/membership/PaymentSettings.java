package news.masthead.membership;

import java.util.Map;

/**
 * How readers pay: with {@code STRIPE_SECRET_KEY} set, through Stripe; without it (the demo), through
 * the offline demo provider's clearly marked test checkout.
 *
 * @param stripeSecretKey     {@code STRIPE_SECRET_KEY}, or null for the demo provider
 * @param webhookSecret       {@code STRIPE_WEBHOOK_SECRET} ({@code whsec_...}); without it webhooks are refused
 * @param apiBase             {@code STRIPE_API_BASE}: another address for Stripe's API (stripe-mock, contract
 *                            tests); null for Stripe itself
 */
public record PaymentSettings(String stripeSecretKey, String webhookSecret, String apiBase) {

    public PaymentSettings(String stripeSecretKey, String webhookSecret) {
        this(stripeSecretKey, webhookSecret, null);
    }

    public static PaymentSettings fromEnvironment(Map<String, String> env) {
        return new PaymentSettings(blankToNull(env.get("STRIPE_SECRET_KEY")), blankToNull(env.get("STRIPE_WEBHOOK_SECRET")),
                blankToNull(env.get("STRIPE_API_BASE")));
    }

    public boolean demo() {
        return stripeSecretKey == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
