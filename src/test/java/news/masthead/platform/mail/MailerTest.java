package news.masthead.platform.mail;

import jakarta.mail.internet.MimeMessage;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mailer against a real SMTP server (GreenMail) and the real database; the sender loop is driven by hand. */
class MailerTest {
    static final Database database = TestDatabases.fresh();
    static final TestSmtp smtp = new TestSmtp();
    static final Clocks.Settable clock = new Clocks.Settable(Instant.parse("2026-03-01T08:00:00Z"));
    static final Mailer mailer = new Mailer(database, smtp.settings(), clock);

    @AfterAll
    static void stop() {
        smtp.close();
        database.close();
    }

    @BeforeEach
    void deliverLeftovers() {
        clock.advance(Duration.ofDays(1));
        mailer.deliverDue();
    }

    @Test
    void aQueuedMailIsDeliveredOverSmtpAndItsTextErased() throws Exception {
        long id = mailer.send(new Message("ana@example.org", "Hello Ana", "Plain words, with ünïcode.\n"));
        assertThat(status(id)).isEqualTo("queued");
        assertThat(mailer.deliverDue()).isEqualTo(1);

        MimeMessage received = smtp.await("ana@example.org", 1);
        assertThat(received.getSubject()).isEqualTo("Hello Ana");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Test News <news@example.org>");
        assertThat(TestSmtp.body(received)).contains("ünïcode");
        OutboxMail row = row(id);
        assertThat(row.status()).isEqualTo("sent");
        assertThat(row.text()).isNull();
        assertThat(row.sentAt()).isEqualTo(clock.instant());
    }

    @Test
    void aMailWithHtmlCarriesBothParts() throws Exception {
        mailer.send(new Message("html@example.org", "Both", "Text part", "<p>HTML part</p>"));
        mailer.deliverDue();
        String raw = new String(smtp.await("html@example.org", 1).getInputStream().readAllBytes());
        assertThat(smtp.await("html@example.org", 1).getContentType()).startsWith("multipart/alternative");
        assertThat(raw).isNotNull();
    }

    @Test
    void aMailQueuedInARolledBackTransactionIsNeverSent() {
        assertThatThrownBy(() -> database.jdbi().useTransaction(h -> {
            mailer.send(h, new Message("never@example.org", "Never", "Rolled back"));
            throw new IllegalStateException("the business write failed");
        })).isInstanceOf(IllegalStateException.class);
        mailer.deliverDue();
        assertThat(mailer.recent(100)).noneMatch(m -> m.to().equals("never@example.org"));
        assertThat(smtp.to("never@example.org")).isEmpty();
    }

    @Test
    void whenSmtpIsDownTheMailStaysQueuedAndIsRetriedLater() {
        smtp.stop();
        long id;
        try {
            id = mailer.send(new Message("later@example.org", "Later", "Sent when the server is back"));
            assertThat(mailer.deliverDue()).isZero();
            OutboxMail first = row(id);
            assertThat(first.status()).isEqualTo("queued");
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.lastError()).isNotBlank();
            assertThat(first.text()).isEqualTo("Sent when the server is back");
        } finally {
            smtp.start();
        }
        // not due yet: the first pause is 30 s
        assertThat(mailer.deliverDue()).isZero();
        assertThat(smtp.to("later@example.org")).isEmpty();

        clock.advance(Mailer.backoff(1).plusSeconds(1));
        assertThat(mailer.deliverDue()).isEqualTo(1);
        assertThat(smtp.await("later@example.org", 1)).isNotNull();
        assertThat(row(id).status()).isEqualTo("sent");
        assertThat(row(id).attempts()).isEqualTo(2);
    }

    @Test
    void aMailClaimedByANodeThatDiedIsTriedAgainWhenItsLeaseEnds() {
        long id = mailer.send(new Message("lease@example.org", "Lease", "Claimed, then the node died"));
        database.jdbi().useHandle(h -> h.execute(
                "update outbox_mail set attempts = 1, next_attempt_at = ? where id = ?", clock.instant().plus(Mailer.LEASE), id));
        assertThat(mailer.deliverDue()).isZero();
        clock.advance(Mailer.LEASE.plusSeconds(1));
        assertThat(mailer.deliverDue()).isEqualTo(1);
        assertThat(smtp.await("lease@example.org", 1)).isNotNull();
    }

    @Test
    void afterTheLastAttemptTheMailIsMarkedFailed() {
        smtp.stop();
        try {
            long id = mailer.send(new Message("doomed@example.org", "Doomed", "Never delivered"));
            for (int i = 1; i <= Mailer.MAX_ATTEMPTS; i++) {
                mailer.deliverDue();
                clock.advance(Mailer.backoff(i).plusSeconds(1));
            }
            assertThat(row(id).status()).isEqualTo("failed");
            assertThat(row(id).attempts()).isEqualTo(Mailer.MAX_ATTEMPTS);
        } finally {
            smtp.start();
        }
    }

    @Test
    void theBackoffDoublesFromThirtySecondsToAnHour() {
        assertThat(List.of(Mailer.backoff(1), Mailer.backoff(2), Mailer.backoff(3), Mailer.backoff(8), Mailer.backoff(20)))
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                        Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void deliveredMailIsPurgedAfterThirtyDays() {
        long id = mailer.send(new Message("old@example.org", "Old", "Old news"));
        mailer.deliverDue();
        clock.advance(Duration.ofDays(29));
        mailer.purgeOld();
        assertThat(mailer.recent(1000)).anyMatch(m -> m.id() == id);
        clock.advance(Duration.ofDays(2));
        mailer.purgeOld();
        assertThat(mailer.recent(1000)).noneMatch(m -> m.id() == id);
    }

    @Test
    void headerInjectionIsRefused() {
        assertThatThrownBy(() -> new Message("a@example.org\r\nBcc: b@example.org", "Hi", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Message("a@example.org", "Hi\r\nBcc: b@example.org", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OutboxMail row(long id) {
        return mailer.recent(1000).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    private static String status(long id) {
        return row(id).status();
    }
}
