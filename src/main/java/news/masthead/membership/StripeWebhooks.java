package news.masthead.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.platform.web.WebError;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /webhooks/stripe}: checks the signature, then applies the event in one transaction
 * that also records it. Redelivery is harmless (the event id is the key of {@code payment_events});
 * an event older than the last one applied to the same subscription is recorded as stale and
 * changes nothing, so out-of-order delivery cannot undo a newer state.
 */
final class StripeWebhooks {
    static final String PROVIDER = "stripe";
    private final Membership membership;
    private final String secret;
    private final Clock clock;
    private final ObjectMapper json;

    StripeWebhooks(Membership membership, String secret, Clock clock, ObjectMapper json) {
        this.membership = membership;
        this.secret = secret;
        this.clock = clock;
        this.json = json;
    }

    /** Applies a delivery; returns the outcome recorded. Bad signature or body: a 400, nothing stored. */
    String receive(String signatureHeader, String payload) {
        Instant now = clock.instant();
        if (secret == null) {
            throw WebError.badRequest("Stripe-Signature", "Webhooks are not configured: set STRIPE_WEBHOOK_SECRET.");
        }
        if (!StripeSignature.valid(signatureHeader, payload, secret, now)) {
            throw WebError.badRequest("Stripe-Signature", "The signature does not match.");
        }
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (Exception e) {
            throw WebError.badRequest("body", "The body is not JSON.");
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        JsonNode object = event.path("data").path("object");
        if (id.isEmpty() || type.isEmpty() || !object.isObject() || !event.path("created").canConvertToLong()) {
            throw WebError.badRequest("body", "Not a Stripe event.");
        }
        Instant created = Instant.ofEpochSecond(event.path("created").asLong());
        return membership.jdbi().inTransaction(h -> {
            int fresh = h.createUpdate("""
                    insert into payment_events (provider, event_id, type, created, received_at, outcome, payload)
                    values ('stripe', :id, :type, :created, :now, 'received', :payload) on conflict do nothing""")
                    .bind("id", id).bind("type", type).bind("created", created).bind("now", now).bind("payload", payload).execute();
            if (fresh == 0) {
                return "duplicate";
            }
            String outcome = apply(h, type, object, created, now);
            h.createUpdate("update payment_events set outcome = :o where provider = 'stripe' and event_id = :id")
                    .bind("o", outcome).bind("id", id).execute();
            return outcome;
        });
    }

    private String apply(Handle h, String type, JsonNode o, Instant created, Instant now) {
        return switch (type) {
            case "checkout.session.completed" -> checkoutCompleted(h, o, created, now);
            case "customer.subscription.created", "customer.subscription.updated" -> subscriptionUpdated(h, o, created, now);
            case "customer.subscription.deleted" -> subscriptionDeleted(h, o, created, now);
            case "invoice.paid" -> invoicePaid(h, o, created, now);
            case "invoice.payment_failed" -> onSubscription(h, invoiceSubscription(o), created, now, "payment failed",
                    s -> Lifecycle.paymentFailed(s, now));
            default -> "ignored";
        };
    }

    private String checkoutCompleted(Handle h, JsonNode session, Instant created, Instant now) {
        String ref = session.path("subscription").asText("");
        Optional<Long> reader = longOf(session.path("client_reference_id"));
        Optional<Long> planId = longOf(session.path("metadata").path("plan_id"));
        if (ref.isEmpty() || reader.isEmpty() || planId.isEmpty()) {
            return "ignored: not a membership checkout";
        }
        if (SubscriptionRows.lockByRef(h, PROVIDER, ref).isPresent()) {
            return "already known";
        }
        Optional<Plan> plan = PlanRows.find(h, planId.get());
        if (plan.isEmpty()) {
            return "ignored: unknown plan";
        }
        // the session names the first invoice: its receipt now, and invoice.paid for it later finds it made
        String invoice = session.path("invoice").asText("");
        Receipts.Payment paid = invoice.isEmpty() || !session.path("amount_total").canConvertToLong()
                ? new Receipts.Payment(0, plan.get().currency(), null, now, null, now)
                : new Receipts.Payment(session.path("amount_total").asLong(), currency(session, plan.get().currency()), invoice, now,
                SubscriptionRows.periodEnd(plan.get(), now, plan.get().trialDays() > 0), created);
        Subscription s = membership.start(h, reader.get(), session.path("customer_details").path("email").asText(null),
                plan.get(), PROVIDER, ref, "stripe", now, paid);
        stamp(h, s.id(), created);
        customer(h, s.id(), session.path("customer").asText(""));
        return "started";
    }

    /**
     * {@code invoice.paid}, for the first payment and every renewal: the receipt (once per invoice,
     * whatever the order of delivery), then the subscription is active to the end of the period paid
     * for. An invoice for a subscription not yet known is taken from the metadata set at checkout.
     */
    private String invoicePaid(Handle h, JsonNode invoice, Instant created, Instant now) {
        String ref = invoiceSubscription(invoice);
        String invoiceId = invoice.path("id").asText("");
        if (ref.isEmpty() || invoiceId.isEmpty()) {
            return "ignored: not a subscription invoice";
        }
        JsonNode period = invoice.path("lines").path("data").path(0).path("period");
        Instant start = epoch(period.path("start")).orElse(now);
        Optional<Instant> end = epoch(period.path("end"));
        Optional<Subscription> known = SubscriptionRows.lockByRef(h, PROVIDER, ref);
        if (known.isEmpty()) {
            JsonNode metadata = invoice.path("parent").path("subscription_details").path("metadata");
            Optional<Long> reader = longOf(metadata.path("reader_id"));
            Optional<Plan> plan = longOf(metadata.path("plan_id")).flatMap(id -> PlanRows.find(h, id));
            if (reader.isEmpty() || plan.isEmpty()) {
                return "ignored: unknown subscription";
            }
            Subscription s = SubscriptionRows.create(h, reader.get(), plan.get(), PROVIDER, ref, Status.ACTIVE,
                    end.orElse(SubscriptionRows.periodEnd(plan.get(), now, false)), now, "stripe", "created by invoice");
            stamp(h, s.id(), Instant.EPOCH);
            customer(h, s.id(), invoice.path("customer").asText(""));
            known = Optional.of(s);
        }
        long amount = invoice.path("amount_paid").asLong(0);
        String receipt = "no receipt: nothing paid";
        if (amount > 0) {
            Instant paidAt = epoch(invoice.path("status_transitions").path("paid_at")).orElse(created);
            String planCurrency = PlanRows.find(h, known.get().planId()).orElseThrow().currency();
            boolean made = membership.receipt(h, known.get(), new Receipts.Payment(amount, currency(invoice, planCurrency),
                    invoiceId, start, end.orElse(null), paidAt), invoice.path("customer_email").asText(null));
            receipt = made ? "receipt" : "receipt already made";
        }
        String state = end.isEmpty() ? "no period" : onSubscription(h, ref, created, now, "paid", s -> Lifecycle.paid(s, end.get()));
        return receipt + "; " + state;
    }

    /** The object's ISO currency (Stripe writes it in lower case), or {@code fallback} for a missing or unknown one. */
    private static String currency(JsonNode object, String fallback) {
        String c = object.path("currency").asText("").toUpperCase(java.util.Locale.ROOT);
        try {
            return c.matches("[A-Z]{3}") ? java.util.Currency.getInstance(c).getCurrencyCode() : fallback;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static Optional<Instant> epoch(JsonNode seconds) {
        return seconds.canConvertToLong() && seconds.asLong() > 0 ? Optional.of(Instant.ofEpochSecond(seconds.asLong())) : Optional.empty();
    }

    private String subscriptionUpdated(Handle h, JsonNode sub, Instant created, Instant now) {
        String ref = sub.path("id").asText("");
        Optional<Subscription> known = SubscriptionRows.lockByRef(h, PROVIDER, ref);
        if (known.isEmpty()) {
            // delivered before checkout.session.completed: the metadata set at checkout says whose it is
            Optional<Long> reader = longOf(sub.path("metadata").path("reader_id"));
            Optional<Plan> plan = longOf(sub.path("metadata").path("plan_id")).flatMap(id -> PlanRows.find(h, id));
            if (ref.isEmpty() || reader.isEmpty() || plan.isEmpty()) {
                return "ignored: unknown subscription";
            }
            Subscription s = SubscriptionRows.create(h, reader.get(), plan.get(), PROVIDER, ref, Status.ACTIVE,
                    periodEnd(sub).orElse(SubscriptionRows.periodEnd(plan.get(), now, false)), now, "stripe", "created by update");
            stamp(h, s.id(), Instant.EPOCH);
            customer(h, s.id(), sub.path("customer").asText(""));
            membership.changed(h, reader.get());
        }
        return onSubscription(h, ref, created, now, "updated: " + sub.path("status").asText(),
                s -> Lifecycle.fromProvider(s, sub.path("status").asText(""), periodEnd(sub).orElse(null),
                        sub.path("cancel_at_period_end").asBoolean(false), now));
    }

    /**
     * Stripe ended the subscription. One we had already cancelled (by us at Stripe, for staff or an
     * erasure, or with {@code cancel_at_period_end}) keeps what was paid for until its period ends, as
     * any cancelled membership does; so this webhook, after our own cancellation, changes nothing.
     * Any other one expires now.
     */
    private String subscriptionDeleted(Handle h, JsonNode sub, Instant created, Instant now) {
        String ref = sub.path("id").asText("");
        Optional<Subscription> known = ref.isEmpty() ? Optional.empty() : SubscriptionRows.lockByRef(h, PROVIDER, ref);
        if (known.isPresent() && Lifecycle.at(known.get(), now).status() == Status.CANCELLED) {
            // later than any event applied: an older update delivered late is then stale and cannot revive it
            h.createUpdate("update subscriptions set provider_updated_at = greatest(coalesce(provider_updated_at, :c), :c) where id = :id")
                    .bind("c", created).bind("id", known.get().id()).execute();
            return "already cancelled: ends at its period end";
        }
        return onSubscription(h, ref, created, now, "deleted", s -> Lifecycle.expire(s, now));
    }

    private String onSubscription(Handle h, String ref, Instant created, Instant now, String reason,
                                  java.util.function.UnaryOperator<Subscription> event) {
        Optional<Subscription> known = ref.isEmpty() ? Optional.empty() : SubscriptionRows.lockByRef(h, PROVIDER, ref);
        if (known.isEmpty()) {
            return "ignored: unknown subscription";
        }
        Subscription before = known.get();
        Instant last = h.createQuery("select provider_updated_at from subscriptions where id = :id").bind("id", before.id())
                .mapTo(Instant.class).findOne().orElse(null);
        if (last != null && created.isBefore(last)) {
            return "stale";
        }
        Subscription after;
        try {
            after = event.apply(Lifecycle.at(before, now));
        } catch (IllegalStateException e) {
            return "ignored: " + e.getMessage();
        }
        SubscriptionRows.record(h, before, after, "stripe " + reason, "stripe", now);
        membership.changed(h, before.readerId());
        stamp(h, before.id(), created);
        return "applied";
    }

    private static void stamp(Handle h, long id, Instant created) {
        h.createUpdate("update subscriptions set provider_updated_at = :c where id = :id").bind("c", created).bind("id", id).execute();
    }

    private static void customer(Handle h, long id, String customer) {
        if (!customer.isEmpty()) {
            h.createUpdate("update subscriptions set provider_customer = :c where id = :id").bind("c", customer).bind("id", id).execute();
        }
    }

    /** {@code current_period_end} on the subscription, or (API 2025-03-31 and later) on its first item. */
    private static Optional<Instant> periodEnd(JsonNode sub) {
        JsonNode end = sub.path("current_period_end");
        if (!end.canConvertToLong()) {
            end = sub.path("items").path("data").path(0).path("current_period_end");
        }
        return end.canConvertToLong() && end.asLong() > 0 ? Optional.of(Instant.ofEpochSecond(end.asLong())) : Optional.empty();
    }

    /** The invoice's subscription: {@code subscription}, or {@code parent.subscription_details.subscription} in newer API versions. */
    private static String invoiceSubscription(JsonNode invoice) {
        String ref = invoice.path("subscription").asText("");
        return ref.isEmpty() ? invoice.path("parent").path("subscription_details").path("subscription").asText("") : ref;
    }

    private static Optional<Long> longOf(JsonNode node) {
        try {
            return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(Long.parseLong(node.asText()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
