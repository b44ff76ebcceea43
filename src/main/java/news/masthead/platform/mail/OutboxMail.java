package news.masthead.platform.mail;

import java.time.Instant;

/**
 * One row of the outbox as the admin page shows it.
 *
 * @param text the plain-text body; null once SMTP accepted the mail (the body is erased then)
 */
public record OutboxMail(long id, String to, String subject, String text, String status, int attempts,
                         String lastError, Instant createdAt, Instant sentAt) {
}
