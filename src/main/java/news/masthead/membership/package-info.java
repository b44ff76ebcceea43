/**
 * Reader membership: plans readers join, their subscriptions, payments, and the one answer to "what
 * may this reader get".
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Plan</b>: what a reader can join: name, price in minor units and an ISO currency, billed every
 *     month or year, optional trial days, <b>benefits</b> (the lines readers read) and the
 *     <b>entitlements</b> it grants. <b>Archived</b>: no longer offered, kept for its subscribers; a
 *     plan anyone ever subscribed to is never deleted. Avoid: tier, product, package, price (that is
 *     one field).</li>
 * <li><b>Subscription</b>: one reader's membership of one plan; its <b>status</b> is trialing,
 *     active, past_due, cancelled or expired. Avoid: order, account, membership (the feature's name).</li>
 * <li><b>Member</b>: a reader with a subscription that grants something now. Avoid: subscriber
 *     (fine for the plan's count), customer, user.</li>
 * <li><b>Grace period</b>: 7 days a past-due member keeps their entitlements while the payment is
 *     retried. Avoid: dunning, retry window.</li>
 * <li><b>Cancel</b>: stop renewing; entitlements stay until the period paid for ends, then the
 *     subscription <b>expires</b>. Avoid: delete, terminate, unsubscribe (that is newsletters').</li>
 * <li><b>Complimentary</b>: a membership staff grant with an end date, no payment. Avoid: free, gift, comp.</li>
 * <li><b>Entitlement</b>: a right a plan grants: {@code ad-light}, {@code premium}, {@code magazine},
 *     {@code epaper}, {@code partner:<slug>}. Avoid: feature, permission, perk (that is a benefit).</li>
 * <li><b>Variant</b>: the short, stable string that keys the page cache for a reader's entitlements:
 *     {@code anon} for none, else the sorted entitlements joined by {@code +}. Pages are cached per
 *     variant, never per reader. Avoid: segment, cohort, bucket.</li>
 * <li><b>Provider</b>: who takes the money: the offline <b>demo provider</b> (no {@code STRIPE_SECRET_KEY};
 *     a clearly marked test checkout) or Stripe. <b>Payment event</b>: one webhook delivery, recorded
 *     once by its event id. Avoid: callback, notification.</li>
 * <li><b>Receipt</b>: the record of a payment (plan, period, amount, date), mailed to the reader once
 *     per provider invoice and listed on the account page. Avoid: invoice (Stripe's object; its id is
 *     the receipt's reference).</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>{@link news.masthead.membership.Membership}: the entry class {@code app} builds; plans,
 *     joining, cancelling, complimentary grants, the sweep, the account-page {@code summary}.</li>
 * <li>{@link news.masthead.membership.Entitlements}: the only place that answers what a reader may
 *     get, and their variant; {@code holding} adds until when the answer stands by time alone (the next
 *     period, trial or grace end), so callers may remember it that long. {@code Membership.onChange}
 *     tells, after commit, whose subscriptions an event changed (join, payment, cancellation, provider
 *     webhook, complimentary grant); {@code app} publishes that as {@code reader:<id>} on the invalidation
 *     bus. {@code Membership.cheapestGranting} names the plan a join box offers.</li>
 * <li>Privacy: {@code exportFor}, {@code cancelAllFor} (erasure), {@code auditTo}
 *     (complimentary grants and cancelling by staff write audit rows in their transaction).
 *     {@code cancel} (staff) and {@code cancelAllFor} cancel a Stripe subscription at Stripe first
 *     ({@code DELETE /v1/subscriptions/{id}}, at once; Stripe bills no more) and then in our records,
 *     where what was paid for stays until the period ends. If Stripe refuses or cannot be reached
 *     (or {@code STRIPE_SECRET_KEY} is unset) they throw a 503 {@code WebError} and change nothing, so
 *     an erasure stops before anything is erased; a subscription Stripe no longer has (404
 *     {@code resource_missing}) counts as cancelled.</li>
 * <li>{@code Lifecycle}: the state machine, pure (time passed in), unit-tested alone.
 *     {@code SubscriptionRows} stores each change with its audit row in the same transaction;
 *     {@code PlanRows}, {@code PlanDraft} (validation, each problem naming its field).</li>
 * <li>{@code Receipts}: the {@code receipts} rows and the receipt mail, once per invoice (a unique
 *     {@code invoice_ref}): the demo provider's payment, Stripe's checkout completion (which names the first
 *     invoice) and {@code invoice.paid} (first payment and renewals), in whatever order they arrive.</li>
 * <li>{@link news.masthead.membership.ReaderDirectory}: what membership asks of reader accounts (by id; by
 *     email, made if missing, for complimentary grants); {@code app} implements it over {@code accounts}.
 *     {@code summaryHtml} is the account page's membership part, which {@code accounts} shows.</li>
 * <li>{@code StripeCheckout}: Stripe's API through stripe-java: Checkout and customer-portal sessions,
 *     cancelling a subscription; stores nothing.</li>
 * <li>{@code MembershipPages}: the thin routes ({@code /membership}, checkout, {@code /admin/membership},
 *     {@code /webhooks/stripe}); {@code StripeWebhooks} and {@code StripeSignature} (HMAC-SHA256 as
 *     Stripe documents it) apply provider events: idempotent by event id, stale events by the
 *     provider's time ignored, every event recorded in {@code payment_events}. {@code customer.subscription.deleted}
 *     for a subscription already cancelled (by us at Stripe, or at period end) changes nothing: it runs
 *     to its period end.</li>
 * <li>Tables: {@code plans}, {@code subscriptions}, {@code subscription_audit}, {@code payment_events},
 *     {@code receipts} (V100; per invoice and period, V126).</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 * <li>Who is signed in is {@code accounts}'; mail delivery is the {@code Mailer}'s (receipts are queued
 *     in our transaction).</li>
 * <li>Not here: premium gating of pages (the site's {@code Gate}: what an article requires, what readers see),
 *     appeals, ads. They ask {@code Entitlements} (through {@code app}) and key the page cache by the variant.</li>
 * </ul>
 */
package news.masthead.membership;
