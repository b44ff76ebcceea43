package news.masthead.membership;

import news.masthead.platform.mail.Mailer;
import news.masthead.platform.mail.Message;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The {@code receipts} table and the receipt mail: one receipt per payment, written and queued for
 * mail in the caller's transaction. A provider's payment carries its invoice id, and a second
 * receipt for the same invoice (a redelivered event, or checkout completion and {@code invoice.paid}
 * both telling of the first payment) is neither stored nor mailed.
 */
final class Receipts {
    private final Mailer mailer;

    Receipts(Mailer mailer) {
        this.mailer = mailer;
    }

    /**
     * One payment for a subscription.
     *
     * @param invoiceRef the provider's invoice id (Stripe's {@code in_...}); a demo payment uses its subscription's reference
     * @param periodEnd  the end of the period paid for; null if the provider did not say
     */
    record Payment(long amountMinor, String currency, String invoiceRef, Instant periodStart, Instant periodEnd, Instant paidAt) {
    }

    /** Stores the receipt and mails it to {@code email}; false (and nothing sent) when this invoice already has one. */
    boolean record(Handle h, Subscription s, Plan plan, Payment payment, String email) {
        String period = period(payment);
        String description = plan.name() + " membership, " + plan.billing().label() + "ly, " + period;
        int inserted = h.createUpdate("""
                        insert into receipts (subscription_id, reader_id, amount_minor, currency, description, paid_at,
                                              invoice_ref, period_start, period_end, plan_name)
                        values (:s, :r, :a, :c, :d, :paid, :invoice, :start, :end, :plan)
                        on conflict (invoice_ref) where invoice_ref is not null do nothing""")
                .bind("s", s.id()).bind("r", s.readerId()).bind("a", payment.amountMinor()).bind("c", payment.currency())
                .bind("d", description).bind("paid", payment.paidAt()).bind("invoice", payment.invoiceRef())
                .bind("start", payment.periodStart()).bind("end", payment.periodEnd()).bind("plan", plan.name()).execute();
        if (inserted == 0) {
            return false;
        }
        if (email != null && Message.isAddress(email)) {
            mailer.send(h, new Message(email, "Your receipt: " + plan.name(), """
                    Thank you for supporting our journalism.

                    Plan: %s (billed every %s)
                    Period: %s
                    Amount paid: %s
                    Paid on: %s
                    Reference: %s
                    %s""".formatted(plan.name(), plan.billing().label(), period, Membership.money(payment.amountMinor(), payment.currency()),
                    day(payment.paidAt()), payment.invoiceRef(),
                    Membership.DEMO.equals(s.provider()) ? "\nThis was a TEST payment through the demo provider: no money moved.\n" : "")));
        }
        return true;
    }

    /** The reader's latest receipts, newest first. */
    static List<MembershipSummary.Receipt> ofReader(Handle h, long readerId) {
        return h.createQuery("""
                        select paid_at, description, amount_minor, currency from receipts where reader_id = :r
                        order by paid_at desc, id desc limit 24""")
                .bind("r", readerId)
                .map((rs, c) -> new MembershipSummary.Receipt(rs.getTimestamp("paid_at").toInstant(), rs.getString("description"),
                        Membership.money(rs.getLong("amount_minor"), rs.getString("currency")))).list();
    }

    private static String period(Payment payment) {
        Instant start = payment.periodStart() == null ? payment.paidAt() : payment.periodStart();
        return payment.periodEnd() == null ? "from " + day(start) : day(start) + " to " + day(payment.periodEnd());
    }

    private static String day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
