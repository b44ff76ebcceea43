package news.masthead.membership;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.accounts.Reader;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.PageMeta;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reader membership: plans, subscriptions and what payment providers tell us. What a reader may get
 * is answered by {@link Entitlements}, never here.
 *
 * <p>Routes: the public {@code /membership} page and checkout, the demo provider's test checkout,
 * {@code POST /webhooks/stripe}, and the plans admin under {@code /admin/membership}.
 */
public final class Membership implements AutoCloseable {
    static final String DEMO = "demo";
    static final String COMPLIMENTARY = "complimentary";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Mailer mailer;
    private final PlanRows plans;
    private final Entitlements entitlements;
    private final PaymentSettings payments;
    /** Stripe's API, or null for the demo provider (no {@code STRIPE_SECRET_KEY}). */
    private final StripeCheckout stripe;
    private final MembershipPages pages;
    private final Receipts receipts;
    private final ReaderDirectory readers;
    private final news.masthead.platform.web.Templates templates;
    private final List<java.util.function.Consumer<Started>> startListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private java.util.concurrent.ScheduledExecutorService sweeper;
    private final List<java.util.function.LongConsumer> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A subscription a reader started at checkout, told to listeners after it is committed.
     *
     * @param attribution where the reader came from, or null: {@code appeal:<id>:<variant>} when they
     *                    followed an appeal's call to action ({@code /membership?appeal=<id>&variant=<v>})
     */
    public record Started(long subscriptionId, long readerId, long planId, String attribution) {
    }
    private volatile news.masthead.platform.audit.StaffAudit audit = news.masthead.platform.audit.StaffAudit.NONE;

    /**
     * @param requireReader the signed-in reader, or a redirect to sign-in ({@code Accounts::requireReader})
     * @param requireStaff  the staff member's name with at least that role, or a refusal
     * @param frame         the public site's layout frame ({@code Site::frame})
     * @param baseUrl       the public address Stripe sends the reader back to
     * @param readers       reader accounts by id or email ({@code accounts.Accounts})
     */
    public Membership(Database database, Web web, Clock clock, Mailer mailer, PaymentSettings payments, ReaderDirectory readers,
                      Function<Context, Reader> requireReader, BiFunction<Context, String, String> requireStaff,
                      Supplier<PageMeta.SiteFrame> frame, Supplier<String> baseUrl) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.mailer = mailer;
        this.payments = payments;
        this.stripe = payments.demo() ? null : new StripeCheckout(payments);
        this.plans = new PlanRows(jdbi);
        this.receipts = new Receipts(mailer);
        this.readers = readers;
        this.templates = web.templates();
        this.entitlements = new Entitlements(database);
        this.pages = new MembershipPages(this, web, requireReader, requireStaff, frame,
                new StripeWebhooks(this, payments.webhookSecret(), clock, web.json()), baseUrl);
    }

    public void routes(RoutesConfig routes) {
        pages.routes(routes);
    }

    /** Starts the hourly {@link #sweep} (on every node; recording a change twice is harmless, rows are locked). */
    public synchronized void start() {
        if (sweeper == null) {
            sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("membership-sweep").factory());
            sweeper.scheduleWithFixedDelay(() -> {
                try {
                    sweep();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Membership.class).warn("The membership sweep failed; trying again in an hour", e);
                }
            }, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    /** Where staff actions on readers' memberships are recorded (complimentary grants, cancelling by staff). */
    public void auditTo(news.masthead.platform.audit.StaffAudit audit) {
        this.audit = java.util.Objects.requireNonNull(audit);
    }

    public Entitlements entitlements() {
        return entitlements;
    }

    /**
     * Called with a reader's id after a change to their subscriptions commits (joining, a payment, a
     * cancellation, expiry by a provider, a complimentary grant), so what is derived from their
     * entitlements (the site's page variant) is worked out again. Time passing is not announced:
     * {@link Entitlements#holding} says when the answer may change by itself.
     */
    public void onChange(java.util.function.LongConsumer listener) {
        listeners.add(listener);
    }

    /** Tells the listeners after {@code h}'s transaction commits (at once outside one). */
    void changed(Handle h, long readerId) {
        if (h.isInTransaction()) {
            h.afterCommit(() -> tell(readerId));
        } else {
            tell(readerId);
        }
    }

    private void tell(long readerId) {
        for (var listener : listeners) {
            try {
                listener.accept(readerId);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Membership.class).error("A membership listener failed for reader {}", readerId, e);
            }
        }
    }

    /** The cheapest plan readers can join now that grants {@code entitlement} (for "Join for $5 a month"). */
    public Optional<Plan> cheapestGranting(String entitlement) {
        return activePlans().stream().filter(p -> p.entitlements().contains(entitlement))
                .min(java.util.Comparator.comparingLong(Plan::priceMinor));
    }

    public PaymentSettings payments() {
        return payments;
    }

    /** Stripe's API, or null for the demo provider. */
    StripeCheckout stripe() {
        return stripe;
    }

    /**
     * Tells {@code listener} of every subscription a reader starts at checkout (not complimentary
     * grants), after the transaction; a failing listener is logged and never undoes the membership.
     * Appeals count their conversions here.
     */
    public void onStart(java.util.function.Consumer<Started> listener) {
        startListeners.add(listener);
    }

    /** {@code appeal:<id>:<variant>} from the plans page's query, or null for anything else. */
    static String attribution(String appeal, String variant) {
        return appeal != null && appeal.matches("[0-9]{1,15}") && variant != null && variant.matches("[A-D]")
                ? "appeal:" + appeal + ":" + variant : null;
    }

    /** An attribution carried through the checkout form, or null when it is not one we wrote. */
    static String attribution(String carried) {
        return carried != null && carried.matches("appeal:[0-9]{1,15}:[A-D]") ? carried : null;
    }

    // ---- plans

    public List<Plan> plans() {
        return plans.all();
    }

    /** The plans readers can join, cheapest first. */
    public List<Plan> activePlans() {
        return plans.all().stream().filter(p -> !p.archived()).toList();
    }

    public Optional<Plan> plan(long id) {
        return plans.find(id);
    }

    Plan createPlan(PlanDraft draft) {
        return jdbi.inTransaction(h -> {
            if (plans.nameTaken(h, draft.name())) {
                throw WebError.conflict("There is already a plan named '" + draft.name() + "'.");
            }
            return PlanRows.find(h, PlanRows.insert(h, draft, clock.instant())).orElseThrow();
        });
    }

    /** Archived plans stay with their subscribers but cannot be joined. */
    public void archivePlan(long id, boolean archived) {
        if (!plans.archive(id, archived, clock.instant())) {
            throw WebError.notFound("No such plan.");
        }
    }

    /** Deletes a plan nobody ever subscribed to; one with subscribers can only be archived (409). */
    public void deletePlan(long id) {
        plans.find(id).orElseThrow(() -> WebError.notFound("No such plan."));
        if (!plans.deleteUnused(id)) {
            throw WebError.conflict("This plan has subscribers: archive it instead.");
        }
    }

    /**
     * Creates the demo's plans unless plans exist: $5 a month granting all five entitlements, and a
     * yearly one. The demo loader calls it; calling it again does nothing.
     */
    public void ensureDemoPlans() {
        jdbi.useTransaction(h -> {
            h.execute("lock table plans in share row exclusive mode");
            if (h.createQuery("select count(*) from plans").mapTo(Long.class).one() > 0) {
                return;
            }
            List<String> benefits = List.of("An almost ad-free site", "The Premium section", "The monthly magazine",
                    "Stories from our partner publication", "The ePaper");
            String all = "ad-light\npremium\nmagazine\npartner:the-partner\nepaper";
            PlanRows.insert(h, PlanDraft.parse("Member", "5.00", "USD", "month", "0", String.join("\n", benefits), all), clock.instant());
            PlanRows.insert(h, PlanDraft.parse("Member, yearly", "50.00", "USD", "year", "14",
                    String.join("\n", benefits) + "\nTwo months free", all), clock.instant());
        });
    }

    // ---- subscriptions

    /**
     * A payment for a plan succeeded: starts the subscription (a trial if the plan has one), records
     * the receipt and queues it by mail, all in one transaction. An archived plan is refused (409).
     */
    Subscription join(Reader reader, long planId, String provider, String providerRef, String actor) {
        return join(reader, planId, provider, providerRef, actor, null);
    }

    /** As {@link #join(Reader, long, String, String, String)}, then tells the {@link #onStart} listeners with the attribution. */
    Subscription join(Reader reader, long planId, String provider, String providerRef, String actor, String attribution) {
        Subscription s = joinInTransaction(reader, planId, provider, providerRef, actor);
        Started started = new Started(s.id(), reader.id(), planId, attribution);
        for (var listener : startListeners) {
            try {
                listener.accept(started);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Membership.class).warn("A subscription-start listener failed", e);
            }
        }
        return s;
    }

    private Subscription joinInTransaction(Reader reader, long planId, String provider, String providerRef, String actor) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Plan plan = PlanRows.find(h, planId).orElseThrow(() -> WebError.notFound("No such plan."));
            if (plan.archived()) {
                throw WebError.conflict("The plan '" + plan.name() + "' is no longer offered; choose another at /membership.");
            }
            return start(h, reader.id(), reader.email(), plan, provider, providerRef, actor, now, null);
        });
    }

    /**
     * Starts a subscription in the caller's transaction, with its receipt (and mail) unless it starts
     * with a trial or nothing was paid. {@code paid} is what the provider says was paid; null means the
     * plan's price (the demo provider), with the subscription's reference as the invoice.
     */
    Subscription start(Handle h, long readerId, String email, Plan plan, String provider, String providerRef, String actor,
                       Instant now, Receipts.Payment paid) {
        boolean trial = plan.trialDays() > 0;
        Subscription s = SubscriptionRows.create(h, readerId, plan, provider, providerRef,
                trial ? Status.TRIALING : Status.ACTIVE, SubscriptionRows.periodEnd(plan, now, trial), now, actor, "joined");
        Receipts.Payment payment = paid != null ? paid
                : new Receipts.Payment(plan.priceMinor(), plan.currency(), provider + ":" + providerRef, now, s.periodEnd(), now);
        if (!trial && payment.amountMinor() > 0) {
            receipts.record(h, s, plan, payment, email);
        }
        changed(h, readerId);
        return s;
    }

    /** Records a payment's receipt and mails it, once per invoice; false when the invoice already had one. */
    boolean receipt(Handle h, Subscription s, Receipts.Payment payment, String email) {
        Plan plan = PlanRows.find(h, s.planId()).orElseThrow();
        String to = email != null && !email.isBlank() ? email : readers.byId(s.readerId()).map(Reader::email).orElse(null);
        return receipts.record(h, s, plan, payment, to);
    }

    /**
     * Staff grant a complimentary membership to the reader with this email address, making the
     * reader's account when there is none (they sign in with a link to that address later).
     */
    public Subscription grantComplimentary(String email, long planId, Instant until, String staffName) {
        if (!until.isAfter(clock.instant())) {
            throw WebError.badRequest("until", "A complimentary membership must end in the future.");
        }
        if (until.isAfter(clock.instant().plus(java.time.Duration.ofDays(3660)))) {
            throw WebError.badRequest("until", "A complimentary membership may run ten years at most.");
        }
        if (plans.find(planId).isEmpty()) {
            throw WebError.badRequest("plan", "No such plan.");
        }
        return grantComplimentary(readers.findOrAdd(email).id(), planId, until, staffName);
    }

    /** Staff grant a complimentary membership of a plan's entitlements until {@code until}. */
    public Subscription grantComplimentary(long readerId, long planId, Instant until, String staffName) {
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            throw WebError.badRequest("until", "A complimentary membership must end in the future.");
        }
        return jdbi.inTransaction(h -> {
            Plan plan = PlanRows.find(h, planId).orElseThrow(() -> WebError.badRequest("plan", "No such plan."));
            if (h.createQuery("select count(*) from readers where id = :id").bind("id", readerId).mapTo(Long.class).one() == 0) {
                throw WebError.badRequest("reader", "No such reader.");
            }
            Subscription s = SubscriptionRows.create(h, readerId, plan, COMPLIMENTARY, UUID.randomUUID().toString(),
                    Status.ACTIVE, until, now, "staff:" + staffName, "complimentary");
            audit.record(h, new news.masthead.platform.audit.StaffAction(news.masthead.platform.audit.StaffAction.staff(staffName),
                    "membership.complimentary", readerId, plan.name() + " until " + until));
            // complimentary memberships do not renew: they run to their end date
            changed(h, readerId);
            return SubscriptionRows.record(h, s, Lifecycle.cancel(s), "complimentary, ends " + until, "staff:" + staffName, now);
        });
    }

    /**
     * The reader cancels their own demo or complimentary membership (Stripe ones are cancelled in
     * Stripe's customer portal, and the webhook tells us); what was paid for stays until the period ends.
     */
    public Subscription cancelOwn(Reader reader) {
        Subscription current = subscriptionsOf(reader.id()).stream()
                .filter(s -> s.status() == Status.TRIALING || s.status() == Status.ACTIVE || s.status() == Status.PAST_DUE)
                .findFirst().orElseThrow(() -> WebError.conflict("You have no membership to cancel."));
        if (!DEMO.equals(current.provider())) {
            throw WebError.conflict("This membership is managed by the payment provider.");
        }
        return cancel(current.id(), "reader:" + reader.id());
    }

    /** The reader's Stripe customer, from their latest Stripe subscription, for the customer portal. */
    Optional<String> stripeCustomer(Reader reader) {
        return jdbi.withHandle(h -> h.createQuery("""
                select provider_customer from subscriptions where reader_id = :r and provider = 'stripe' and provider_customer is not null
                order by created_at desc, id desc limit 1""").bind("r", reader.id()).mapTo(String.class).findOne());
    }

    /**
     * Cancels a subscription; what was paid for stays until the period ends. One paid through Stripe
     * is cancelled at Stripe first (so it bills no more); if Stripe refuses or cannot be reached,
     * nothing changes and a 503 says to try again.
     */
    public Subscription cancel(long subscriptionId, String actor) {
        Subscription s = jdbi.withHandle(h -> SubscriptionRows.find(h, subscriptionId))
                .orElseThrow(() -> WebError.notFound("No such subscription."));
        if (!renewsAtStripe(s)) {
            return change(subscriptionId, Lifecycle::cancel, "cancelled", actor);
        }
        return cancelAtStripe(s, actor, "We could not cancel this membership's payments with Stripe just now; nothing was changed."
                + " Please try again in a few minutes.");
    }

    private static boolean renews(Subscription s) {
        return s.status() == Status.TRIALING || s.status() == Status.ACTIVE || s.status() == Status.PAST_DUE;
    }

    /** A Stripe subscription that still renews (so Stripe would bill it again). */
    private boolean renewsAtStripe(Subscription s) {
        return StripeWebhooks.PROVIDER.equals(s.provider()) && renews(Lifecycle.at(s, clock.instant()));
    }

    /**
     * Cancels a Stripe subscription at Stripe, then in our records (with what Stripe said in its
     * history); a refusal throws a 503 with {@code refusal} and changes nothing. The
     * {@code customer.subscription.deleted} webhook may beat our record: then it stays as the webhook left it.
     */
    private Subscription cancelAtStripe(Subscription s, String actor, String refusal) {
        StripeCheckout.Cancelled answer = stripe == null ? StripeCheckout.Cancelled.FAILED : stripe.cancel(s.providerRef());
        if (stripe == null) {
            org.slf4j.LoggerFactory.getLogger(Membership.class).warn(
                    "Subscription {} is paid through Stripe but STRIPE_SECRET_KEY is not set: it cannot be cancelled at Stripe", s.id());
        }
        if (answer == StripeCheckout.Cancelled.FAILED) {
            throw WebError.unavailable(refusal);
        }
        String history = answer == StripeCheckout.Cancelled.NOW ? "cancelled at Stripe" : "cancelled (Stripe no longer had it)";
        return change(s.id(), c -> renews(c) ? Lifecycle.cancel(c) : c, "cancelled", history, actor);
    }

    Subscription change(long subscriptionId, java.util.function.UnaryOperator<Subscription> event, String reason, String actor) {
        return change(subscriptionId, event, reason, reason, actor);
    }

    /** As above; {@code history} is the subscription's audit reason, {@code reason} names the staff audit action. */
    private Subscription change(long subscriptionId, java.util.function.UnaryOperator<Subscription> event, String reason, String history,
                                String actor) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Subscription before = SubscriptionRows.lock(h, subscriptionId).orElseThrow(() -> WebError.notFound("No such subscription."));
            Subscription current = SubscriptionRows.record(h, before, Lifecycle.at(before, now), "time", "clock", now);
            Subscription after;
            try {
                after = event.apply(current);
            } catch (IllegalStateException e) {
                throw WebError.conflict(e.getMessage());
            }
            changed(h, before.readerId());
            if (actor.startsWith("staff:")) {
                audit.record(h, new news.masthead.platform.audit.StaffAction(actor, "membership." + reason.replace(' ', '-'),
                        before.readerId(), "subscription " + subscriptionId));
            }
            return SubscriptionRows.record(h, current, after, history, actor, now);
        });
    }

    /**
     * Cancels every subscription of the reader that still renews (the account is being erased).
     * Stripe subscriptions are cancelled at Stripe first, each recorded as cancelled once Stripe
     * confirms (or says it no longer has it); if Stripe refuses or cannot be reached this throws a
     * 503 before anything else changes, so the erasure stops and can be tried again. Returns how many
     * were cancelled; none is fine.
     */
    public int cancelAllFor(long readerId, String actor) {
        List<Subscription> renewing = subscriptionsOf(readerId).stream().filter(Membership::renews).toList();
        int cancelled = 0;
        for (Subscription s : renewing) {
            if (StripeWebhooks.PROVIDER.equals(s.provider())) {
                cancelAtStripe(s, actor, "We could not cancel your payments with Stripe just now; nothing was deleted."
                        + " Please try again in a few minutes.");
                cancelled++;
            }
        }
        for (Subscription s : renewing) {
            if (!StripeWebhooks.PROVIDER.equals(s.provider())) {
                cancel(s.id(), actor);
                cancelled++;
            }
        }
        return cancelled;
    }

    /** What membership keeps about a reader, as plain values for their data export: subscriptions with their history, receipts. */
    public java.util.Map<String, Object> exportFor(long readerId) {
        return jdbi.withHandle(h -> {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("subscriptions", h.createQuery("""
                            select s.id, p.name, s.provider, s.status, s.period_end, s.created_at from subscriptions s
                            join plans p on p.id = s.plan_id where s.reader_id = :r order by s.created_at, s.id""")
                    .bind("r", readerId).map((rs, c) -> {
                        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                        long id = rs.getLong("id");
                        m.put("plan", rs.getString("name"));
                        m.put("provider", rs.getString("provider"));
                        m.put("status", rs.getString("status"));
                        m.put("periodEnd", rs.getTimestamp("period_end").toInstant());
                        m.put("startedAt", rs.getTimestamp("created_at").toInstant());
                        m.put("history", h.createQuery("select from_status, to_status, reason, at from subscription_audit where subscription_id = :s order by at, id")
                                .bind("s", id).map((r2, c2) -> {
                                    java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
                                    e.put("from", r2.getString("from_status"));
                                    e.put("to", r2.getString("to_status"));
                                    e.put("reason", r2.getString("reason"));
                                    e.put("at", r2.getTimestamp("at").toInstant());
                                    return e;
                                }).list());
                        return m;
                    }).list());
            out.put("receipts", h.createQuery("select description, amount_minor, currency, paid_at from receipts where reader_id = :r order by paid_at, id")
                    .bind("r", readerId).map((rs, c) -> {
                        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                        m.put("description", rs.getString("description"));
                        m.put("amount", money(rs.getLong("amount_minor"), rs.getString("currency")));
                        m.put("paidAt", rs.getTimestamp("paid_at").toInstant());
                        return m;
                    }).list());
            return out;
        });
    }

    Subscription paymentFailed(long subscriptionId, String actor) {
        return change(subscriptionId, s -> Lifecycle.paymentFailed(s, clock.instant()), "payment failed", actor);
    }

    Subscription renewed(long subscriptionId, Instant periodEnd, String actor) {
        return change(subscriptionId, s -> Lifecycle.paid(s, periodEnd), "paid", actor);
    }

    /** Records what time alone did (trials and periods over, grace run out); returns how many changed. */
    public int sweep() {
        Instant now = clock.instant();
        List<Long> ids = jdbi.withHandle(SubscriptionRows::unexpired);
        int changed = 0;
        for (long id : ids) {
            boolean moved = jdbi.inTransaction(h -> SubscriptionRows.lock(h, id).map(before ->
                    !SubscriptionRows.record(h, before, Lifecycle.at(before, now), "time", "clock", now).equals(before)).orElse(false));
            changed += moved ? 1 : 0;
        }
        return changed;
    }

    public List<Subscription> subscriptionsOf(long readerId) {
        return jdbi.withHandle(h -> SubscriptionRows.ofReader(h, readerId).stream()
                .map(s -> Lifecycle.at(s, clock.instant())).toList());
    }

    /** The reader's membership for the account page: the subscription that counts, and receipts. */
    public MembershipSummary summary(Reader reader) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            List<MembershipSummary.Receipt> receipts = Receipts.ofReader(h, reader.id());
            for (Subscription s : SubscriptionRows.ofReader(h, reader.id())) {
                Subscription now_ = Lifecycle.at(s, now);
                if (now_.status() != Status.EXPIRED) {
                    Plan plan = PlanRows.find(h, s.planId()).orElseThrow();
                    String name = COMPLIMENTARY.equals(s.provider()) ? plan.name() + " (complimentary)" : plan.name();
                    boolean ends = now_.status() == Status.CANCELLED || now_.status() == Status.PAST_DUE;
                    return new MembershipSummary(name, now_.status(), now_.periodEnd(), ends, s.provider(), receipts);
                }
            }
            return new MembershipSummary(null, null, null, false, null, receipts);
        });
    }

    /** The account page's membership part ({@code membership/summary.jte}) for this reader, as HTML. */
    public String summaryHtml(Reader reader, String csrf) {
        return new String(templates.render("membership/summary.jte", java.util.Map.of("summary", summary(reader), "csrf", csrf)),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    static String money(long minor, String currency) {
        java.util.Currency c = java.util.Currency.getInstance(currency);
        return java.math.BigDecimal.valueOf(minor, Math.max(0, c.getDefaultFractionDigits())).toPlainString() + " " + currency;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Clock clock() {
        return clock;
    }
}
