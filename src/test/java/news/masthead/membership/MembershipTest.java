package news.masthead.membership;

import news.masthead.accounts.Reader;
import news.masthead.platform.db.Database;
import news.masthead.platform.mail.MailSettings;
import news.masthead.platform.mail.Mailer;
import news.masthead.platform.time.Clocks;
import news.masthead.platform.web.Assets;
import news.masthead.platform.web.Csrf;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Json;
import news.masthead.platform.web.Templates;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans, subscriptions and the entitlement engine through the entry classes, on the real database. */
class MembershipTest {
    static final Database database = TestDatabases.fresh();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-03-01T12:00:00Z"));
    static final Membership membership;
    static final Mailer mailer = new Mailer(database, MailSettings.none(), clock);

    static {
        Templates templates = new Templates();
        var json = Json.mapper();
        Web web = new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets());
        membership = new Membership(database, web, clock, mailer, new PaymentSettings(null, null), directory(database),
                ctx -> { throw new AssertionError("no HTTP here"); }, (ctx, role) -> "nobody", () -> null, () -> "http://localhost");
    }

    /** Reader accounts as app gives them, read straight from the table here (no accounts feature in these tests). */
    static ReaderDirectory directory(Database db) {
        return new ReaderDirectory() {
            public java.util.Optional<Reader> byId(long id) {
                return db.jdbi().withHandle(h -> h.createQuery("select id, email, display_name from readers where id = :id")
                        .bind("id", id).map((rs, c) -> new Reader(rs.getLong(1), rs.getString(2), rs.getString(3))).findOne());
            }

            public Reader findOrAdd(String email) {
                if (email == null || !email.contains("@")) {
                    throw WebError.badRequest("email", "Enter an email address.");
                }
                return db.jdbi().withHandle(h -> h.createQuery("select id, email, display_name from readers where lower(email) = lower(:e)")
                        .bind("e", email).map((rs, c) -> new Reader(rs.getLong(1), rs.getString(2), rs.getString(3))).findOne())
                        .orElseGet(() -> reader(email));
            }
        };
    }

    static Reader reader(String email) {
        long id = database.jdbi().withHandle(h -> h.createUpdate("insert into readers (email, created_at) values (:e, now())")
                .bind("e", email).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Reader(id, email, "");
    }

    static Plan plan(String name, String billing, int trialDays, String entitlements) {
        return membership.createPlan(PlanDraft.parse(name, "5", "USD", billing, Integer.toString(trialDays), "Benefit", entitlements));
    }

    Entitlements entitlements() {
        return membership.entitlements();
    }

    @Test
    void aReaderWithoutMembershipGetsNothingAndTheAnonymousVariant() {
        Reader reader = reader("nobody@example.org");
        assertThat(entitlements().of(reader, clock.instant())).isEmpty();
        assertThat(entitlements().of(null, clock.instant())).isEmpty();
        assertThat(entitlements().variantOf(reader, clock.instant())).isEqualTo("anon");
        assertThat(entitlements().variantOf(null, clock.instant())).isEqualTo(Entitlements.ANONYMOUS);
    }

    @Test
    void theVariantIsTheSortedEntitlementsWhateverTheOrder() {
        assertThat(Entitlements.variant(List.of("premium", "ad-light", "partner:x"))).isEqualTo("ad-light+partner:x+premium");
        assertThat(Entitlements.variant(List.of("partner:x", "premium", "ad-light"))).isEqualTo("ad-light+partner:x+premium");
    }

    @Test
    void joiningGrantsThePlansEntitlementsAndUnitesThemAcrossSubscriptions() {
        Reader reader = reader("joins@example.org");
        Plan premium = plan("Premium only", "month", 0, "premium");
        Plan paper = plan("Paper", "year", 0, "epaper\nad-light");
        membership.join(reader, premium.id(), Membership.DEMO, "demo_a", "test");
        assertThat(entitlements().of(reader, clock.instant())).containsExactly("premium");
        membership.join(reader, paper.id(), Membership.DEMO, "demo_b", "test");
        assertThat(entitlements().of(reader, clock.instant())).containsExactly("ad-light", "epaper", "premium");
        assertThat(entitlements().variantOf(reader, clock.instant())).isEqualTo("ad-light+epaper+premium");
        // the receipts went out by mail, in the same transaction
        assertThat(mailer.recent(50)).filteredOn(m -> m.to().equals("joins@example.org")).hasSize(2)
                .allSatisfy(m -> assertThat(m.subject()).startsWith("Your receipt"));
        assertThat(membership.summary(reader).receipts()).hasSize(2);
    }

    @Test
    void trialThenPaidThenFailedThenGraceOverIsExpiredWithAnAuditRowForEachStep() {
        Reader reader = reader("trial@example.org");
        Plan plan = plan("With trial", "month", 14, "premium");
        Instant start = clock.instant();
        Subscription s = membership.join(reader, plan.id(), Membership.DEMO, "demo_trial", "test");
        assertThat(s.status()).isEqualTo(Status.TRIALING);
        assertThat(s.periodEnd()).isEqualTo(start.plus(Duration.ofDays(14)));
        assertThat(membership.summary(reader).receipts()).isEmpty();

        membership.renewed(s.id(), start.plus(Duration.ofDays(44)), "test");
        assertThat(membership.summary(reader).status()).isEqualTo(Status.ACTIVE);
        membership.paymentFailed(s.id(), "test");
        assertThat(membership.summary(reader).status()).isEqualTo(Status.PAST_DUE);
        clock.advance(Duration.ofDays(6));
        assertThat(entitlements().of(reader, clock.instant())).containsExactly("premium");
        clock.advance(Duration.ofDays(1));
        assertThat(entitlements().of(reader, clock.instant())).isEmpty();
        assertThat(membership.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(membership.subscriptionsOf(reader.id())).singleElement().extracting(Subscription::status).isEqualTo(Status.EXPIRED);
        assertThat(audit(s.id())).containsExactly("null>trialing", "trialing>active", "active>past_due", "past_due>expired");
        assertThat(membership.sweep()).isZero();
    }

    @Test
    void aCancelledMembershipKeepsItsEntitlementsUntilThePeriodEnds() {
        Reader reader = reader("cancels@example.org");
        Plan plan = plan("Cancellable", "month", 0, "magazine");
        Subscription s = membership.join(reader, plan.id(), Membership.DEMO, "demo_cancel", "test");
        membership.cancel(s.id(), "reader");
        MembershipSummary summary = membership.summary(reader);
        assertThat(summary.status()).isEqualTo(Status.CANCELLED);
        assertThat(summary.endsInstead()).isTrue();
        clock.set(s.periodEnd().minusSeconds(1));
        assertThat(entitlements().of(reader, clock.instant())).containsExactly("magazine");
        clock.set(s.periodEnd());
        assertThat(entitlements().of(reader, clock.instant())).isEmpty();
        assertThat(membership.summary(reader).member()).isFalse();
        assertThatThrownBy(() -> membership.cancel(s.id(), "reader")).isInstanceOf(WebError.class)
                .satisfies(e -> assertThat(((WebError) e).status()).isEqualTo(409));
    }

    @Test
    void aComplimentaryMembershipRunsToItsEndDate() {
        Reader reader = reader("comp@example.org");
        Plan plan = plan("Comp source", "year", 0, "premium\npartner:weekly");
        Instant until = clock.instant().plus(Duration.ofDays(90));
        membership.grantComplimentary(reader.id(), plan.id(), until, "Editor Ed");
        assertThat(entitlements().of(reader, clock.instant())).containsExactly("partner:weekly", "premium");
        assertThat(membership.summary(reader).planName()).isEqualTo("Comp source (complimentary)");
        assertThat(entitlements().of(reader, until.minusSeconds(1))).isNotEmpty();
        assertThat(entitlements().of(reader, until)).isEmpty();
        assertThatThrownBy(() -> membership.grantComplimentary(reader.id(), plan.id(), clock.instant().minusSeconds(1), "Ed"))
                .isInstanceOf(WebError.class);
        assertThatThrownBy(() -> membership.grantComplimentary(999_999, plan.id(), until, "Ed")).isInstanceOf(WebError.class);
    }

    @Test
    void anArchivedPlanCannotBeJoinedAndAPlanWithSubscribersCannotBeDeleted() {
        Reader reader = reader("archive@example.org");
        Plan plan = plan("Soon archived", "month", 0, "premium");
        membership.join(reader, plan.id(), Membership.DEMO, "demo_arch", "test");
        assertThatThrownBy(() -> membership.deletePlan(plan.id())).isInstanceOf(WebError.class)
                .satisfies(e -> assertThat(((WebError) e).status()).isEqualTo(409));
        membership.archivePlan(plan.id(), true);
        assertThat(membership.activePlans()).extracting(Plan::id).doesNotContain(plan.id());
        assertThatThrownBy(() -> membership.join(reader, plan.id(), Membership.DEMO, "demo_arch2", "test"))
                .isInstanceOf(WebError.class).satisfies(e -> assertThat(((WebError) e).status()).isEqualTo(409));
        // the subscriber keeps what they have
        assertThat(entitlements().of(reader, clock.instant())).containsExactly("premium");

        Plan unused = plan("Never joined", "month", 0, "premium");
        membership.deletePlan(unused.id());
        assertThat(membership.plan(unused.id())).isEmpty();
    }

    @Test
    void absurdOrMalformedPlansAreRefusedNamingTheField() {
        assertField(() -> PlanDraft.parse("X", "99999999999", "USD", "month", "0", "", "premium"), "price");
        assertField(() -> PlanDraft.parse("X", "2000000", "USD", "month", "0", "", "premium"), "price");
        assertField(() -> PlanDraft.parse("X", "0", "USD", "month", "0", "", "premium"), "price");
        assertField(() -> PlanDraft.parse("X", "-5", "USD", "month", "0", "", "premium"), "price");
        assertField(() -> PlanDraft.parse("X", "5.001", "USD", "month", "0", "", "premium"), "price");
        assertField(() -> PlanDraft.parse("X", "5.5", "JPY", "month", "0", "", "premium"), "price");
        assertField(() -> PlanDraft.parse("X", "5", "DOLLARS", "month", "0", "", "premium"), "currency");
        assertField(() -> PlanDraft.parse("X", "5", "USD", "week", "0", "", "premium"), "billing");
        assertField(() -> PlanDraft.parse("X", "5", "USD", "month", "400", "", "premium"), "trialDays");
        assertField(() -> PlanDraft.parse(" ", "5", "USD", "month", "0", "", "premium"), "name");
        assertField(() -> PlanDraft.parse("X", "5", "USD", "month", "0", "", "free-beer"), "entitlements");
        assertField(() -> PlanDraft.parse("X", "5", "USD", "month", "0", "", "partner:Bad Slug"), "entitlements");
        PlanDraft ok = PlanDraft.parse("X", "5.00", "usd", "Month", "", "a\n\n b ", "Premium, partner:the-times\npremium");
        assertThat(ok.priceMinor()).isEqualTo(500);
        assertThat(ok.currency()).isEqualTo("USD");
        assertThat(ok.benefits()).containsExactly("a", "b");
        assertThat(ok.entitlements()).containsExactly("premium", "partner:the-times");
    }

    @Test
    void theDemoPlansAreCreatedOnce() {
        Database other = TestDatabases.fresh();
        Templates templates = new Templates();
        var json = Json.mapper();
        Membership fresh = new Membership(other, new Web(templates, new Csrf(false), json, new ErrorPages(templates, json), new Assets()),
                clock, new Mailer(other, MailSettings.none(), clock), new PaymentSettings(null, null), directory(other), ctx -> null, (c, r) -> "", () -> null, () -> "");
        fresh.ensureDemoPlans();
        fresh.ensureDemoPlans();
        assertThat(fresh.activePlans()).hasSize(2);
        Plan monthly = fresh.activePlans().getFirst();
        assertThat(monthly.priceLabel()).isEqualTo("$5.00 / month");
        assertThat(monthly.entitlements()).containsExactlyInAnyOrder("ad-light", "premium", "magazine", "partner:the-partner", "epaper");
        assertThat(fresh.activePlans().get(1).billing()).isEqualTo(Plan.Billing.YEAR);
        other.close();
    }

    @Test
    void theAccountPagePartialShowsPlanRenewalAndReceipts() {
        Reader reader = reader("summary@example.org");
        String none = new String(new Templates().render("membership/summary.jte",
                java.util.Map.of("summary", membership.summary(reader), "csrf", "t")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(none).contains("No membership yet").doesNotContain("Cancel membership");
        Plan plan = plan("Summarised", "month", 0, "premium");
        Subscription s = membership.join(reader, plan.id(), Membership.DEMO, "demo_summary", "test");
        String html = new String(new Templates().render("membership/summary.jte",
                java.util.Map.of("summary", membership.summary(reader), "csrf", "t")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("Summarised (active)").contains("Renewal date").contains(s.periodEnd().toString().substring(0, 10))
                .contains("5.00 USD").contains("action=\"/membership/cancel\"");
        membership.cancelOwn(reader);
        assertThat(membership.summary(reader).status()).isEqualTo(Status.CANCELLED);
    }

    static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(WebError.class)
                .satisfies(e -> assertThat(((WebError) e).field()).isEqualTo(field))
                .satisfies(e -> assertThat(((WebError) e).status()).isEqualTo(400));
    }

    static List<String> audit(long subscriptionId) {
        return database.jdbi().withHandle(h -> h.createQuery("select coalesce(from_status, 'null') || '>' || to_status from subscription_audit where subscription_id = :s order by id")
                .bind("s", subscriptionId).mapTo(String.class).list());
    }
}
