package news.masthead.membership;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscription state machine alone: no database, the time passed in. */
class LifecycleTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    static Subscription trial(Instant end) {
        return new Subscription(1, 1, 1, "demo", "ref", Status.TRIALING, end, null);
    }

    @Test
    void aTrialIsPaidThenFailsThenExpiresWhenTheGraceRunsOut() {
        Subscription s = trial(T0.plus(DAY.multipliedBy(14)));
        assertThat(Lifecycle.grants(s, T0)).isTrue();

        Instant paidAt = T0.plus(DAY.multipliedBy(14));
        s = Lifecycle.paid(s, paidAt.plus(DAY.multipliedBy(30)));
        assertThat(s.status()).isEqualTo(Status.ACTIVE);

        Instant failedAt = paidAt.plus(DAY.multipliedBy(30));
        s = Lifecycle.paymentFailed(s, failedAt);
        assertThat(s.status()).isEqualTo(Status.PAST_DUE);
        assertThat(s.graceUntil()).isEqualTo(failedAt.plus(Lifecycle.GRACE));
        assertThat(Lifecycle.grants(s, failedAt.plus(DAY.multipliedBy(6)))).isTrue();

        Instant graceOver = failedAt.plus(Lifecycle.GRACE);
        assertThat(Lifecycle.at(s, graceOver.minusSeconds(1)).status()).isEqualTo(Status.PAST_DUE);
        assertThat(Lifecycle.at(s, graceOver).status()).isEqualTo(Status.EXPIRED);
        assertThat(Lifecycle.grants(s, graceOver)).isFalse();
    }

    @Test
    void aSecondFailedPaymentDoesNotStretchTheGrace() {
        Subscription s = Lifecycle.paymentFailed(trial(T0.plus(DAY)), T0);
        Subscription again = Lifecycle.paymentFailed(s, T0.plus(DAY.multipliedBy(5)));
        assertThat(again.graceUntil()).isEqualTo(T0.plus(Lifecycle.GRACE));
    }

    @Test
    void aPastDueSubscriptionPaidInTimeIsActiveAgain() {
        Subscription s = Lifecycle.paymentFailed(Lifecycle.paid(trial(T0), T0.plus(DAY)), T0.plus(DAY));
        Subscription paid = Lifecycle.paid(s, T0.plus(DAY.multipliedBy(31)));
        assertThat(paid.status()).isEqualTo(Status.ACTIVE);
        assertThat(paid.graceUntil()).isNull();
    }

    @Test
    void aCancelledSubscriptionKeepsItsEntitlementsUntilThePeriodEnds() {
        Instant end = T0.plus(DAY.multipliedBy(30));
        Subscription s = Lifecycle.cancel(Lifecycle.paid(trial(T0), end));
        assertThat(s.status()).isEqualTo(Status.CANCELLED);
        assertThat(Lifecycle.grants(s, end.minusSeconds(1))).isTrue();
        assertThat(Lifecycle.grants(s, end)).isFalse();
        assertThat(Lifecycle.at(s, end).status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    void aPeriodThatEndsWithoutWordOfAPaymentBecomesPastDueWithGraceFromThePeriodEnd() {
        Instant end = T0.plus(DAY.multipliedBy(30));
        Subscription s = Lifecycle.paid(trial(T0), end);
        Subscription later = Lifecycle.at(s, end.plus(DAY));
        assertThat(later.status()).isEqualTo(Status.PAST_DUE);
        assertThat(later.graceUntil()).isEqualTo(end.plus(Lifecycle.GRACE));
        assertThat(Lifecycle.at(s, end.plus(Lifecycle.GRACE)).status()).isEqualTo(Status.EXPIRED);
        assertThat(Lifecycle.at(later, end.plus(DAY))).isEqualTo(later);
    }

    @Test
    void anExpiredSubscriptionCannotBePaidCancelledOrRevived() {
        Subscription expired = Lifecycle.expire(trial(T0.plus(DAY)), T0);
        assertThat(expired.status()).isEqualTo(Status.EXPIRED);
        assertThatThrownBy(() -> Lifecycle.paid(expired, T0.plus(DAY))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Lifecycle.cancel(expired)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Lifecycle.fromProvider(expired, "active", T0.plus(DAY), false, T0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theProvidersWordMapsOntoOurStates() {
        Instant end = T0.plus(DAY.multipliedBy(30));
        Subscription s = trial(T0.plus(DAY));
        assertThat(Lifecycle.fromProvider(s, "active", end, false, T0).status()).isEqualTo(Status.ACTIVE);
        assertThat(Lifecycle.fromProvider(s, "active", end, true, T0).status()).isEqualTo(Status.CANCELLED);
        assertThat(Lifecycle.fromProvider(s, "past_due", end, false, T0).graceUntil()).isEqualTo(T0.plus(Lifecycle.GRACE));
        assertThat(Lifecycle.fromProvider(s, "canceled", end, false, T0).status()).isEqualTo(Status.EXPIRED);
        assertThat(Lifecycle.fromProvider(s, "something-new", end, false, T0)).isEqualTo(s);
    }
}
