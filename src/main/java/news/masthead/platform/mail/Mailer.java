package news.masthead.platform.mail;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.mail.MessagingException;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Web;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Outgoing mail. {@link #send(Handle, Message)} writes the mail to the {@code outbox_mail} table in
 * the caller's transaction, so the mail exists exactly when the business write does; a sender loop
 * on every node then delivers due mail over SMTP, retrying with a growing pause
 * ({@link #backoff(int)}) up to {@link #MAX_ATTEMPTS} times. A slow or absent SMTP server never holds
 * up a request, and a crash loses nothing: a mail claimed by a node that died is tried again when its
 * lease ends. Without SMTP configured, delivery means writing the mail to the log; such mail stays
 * readable on {@code /admin/outbox}.
 */
public final class Mailer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    static final int MAX_ATTEMPTS = 10;
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration KEEP_DELIVERED = Duration.ofDays(30);
    static final Duration KEEP_FAILED = Duration.ofDays(90);
    private static final int BATCH = 20;

    private final MailSettings settings;
    private final Clock clock;
    private final OutboxRows rows;
    private final SmtpTransport smtp;
    private final Database database;
    private ScheduledExecutorService loop;

    public Mailer(Database database, MailSettings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
        this.rows = new OutboxRows(database.jdbi());
        this.smtp = settings.configured() ? new SmtpTransport(settings, clock) : null;
    }

    /** Queues the mail in its own transaction and wakes the sender; returns the outbox id. */
    public long send(Message message) {
        return database.jdbi().inTransaction(h -> send(h, message));
    }

    /**
     * Queues the mail inside the caller's transaction: it is delivered only if that transaction
     * commits. Returns the outbox id.
     */
    public long send(Handle handle, Message message) {
        long id = rows.insert(handle, message, now());
        if (handle.isInTransaction()) {
            handle.afterCommit(this::poke);
        } else {
            poke();
        }
        return id;
    }

    /** Starts the sender loop: a delivery pass every {@code every}, and the retention purge hourly. */
    public synchronized void start(Duration every) {
        if (loop != null) {
            return;
        }
        log.info("Outgoing mail: {}", settings);
        loop = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("mail-sender").factory());
        loop.scheduleWithFixedDelay(this::deliverQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        loop.scheduleWithFixedDelay(this::purgeQuietly, 1, 60, TimeUnit.MINUTES);
    }

    /** Asks the sender loop for a delivery pass now (after a mail was queued). */
    public synchronized void poke() {
        if (loop != null) {
            try {
                loop.execute(this::deliverQuietly);
            } catch (RejectedExecutionException e) {
                // closing: the mail stays queued for the next node or start
            }
        }
    }

    /**
     * One delivery pass over the mail due now; returns how many were handed over (sent or logged).
     * Safe to run on many nodes at once: each mail is claimed by one.
     */
    public int deliverDue() {
        int delivered = 0;
        List<OutboxRows.Claimed> batch;
        do {
            Instant now = now();
            batch = rows.claim(now, now.plus(LEASE), BATCH);
            for (OutboxRows.Claimed mail : batch) {
                if (deliver(mail)) {
                    delivered++;
                }
            }
        } while (batch.size() == BATCH);
        return delivered;
    }

    private boolean deliver(OutboxRows.Claimed mail) {
        if (smtp == null) {
            log.info("Mail to {} (no SMTP configured, so it is logged instead of sent)\nSubject: {}\n\n{}",
                    mail.message().to(), mail.message().subject(), mail.message().text());
            rows.logged(mail.id(), now());
            return true;
        }
        try {
            smtp.send(mail.message());
            rows.sent(mail.id(), now());
            return true;
        } catch (MessagingException | RuntimeException e) {
            String error = describe(e);
            boolean permanent = e instanceof MessagingException m && SmtpTransport.permanent(m);
            if (permanent || mail.attempt() >= MAX_ATTEMPTS) {
                log.warn("Mail {} to {} failed for good after {} attempt(s): {}", mail.id(), mail.message().to(), mail.attempt(), error);
                rows.failed(mail.id(), error);
            } else {
                Duration wait = backoff(mail.attempt());
                log.warn("Mail {} to {} not sent (attempt {}), trying again in {} s: {}", mail.id(), mail.message().to(),
                        mail.attempt(), wait.toSeconds(), error);
                rows.retryAt(mail.id(), now().plus(wait), error);
            }
            return false;
        }
    }

    /** The pause after failed attempt {@code attempt} (1-based): 30 s, doubling, at most an hour. */
    static Duration backoff(int attempt) {
        long seconds = 30L << Math.min(Math.max(attempt - 1, 0), 7);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    /** Deletes delivered mail older than 30 days and failed mail older than 90; returns how many. */
    public int purgeOld() {
        Instant now = now();
        return rows.purge(now.minus(KEEP_DELIVERED), now.minus(KEEP_FAILED));
    }

    /** Deletes delivered mail (sent or logged) older than {@code keep}; returns how many (the retention job's purge). */
    public int purgeDelivered(Duration keep) {
        Instant now = now();
        return rows.purge(now.minus(keep), now.minus(KEEP_FAILED));
    }

    /** The latest mail, newest first (for the outbox page and tests). */
    public List<OutboxMail> recent(int limit) {
        return rows.recent(limit);
    }

    /** Whether mail goes to an SMTP server (else to the log). */
    public boolean smtpConfigured() {
        return smtp != null;
    }

    /**
     * {@code GET /admin/outbox}: the latest mail and its state. {@code admin} must let only admins
     * through (throwing otherwise) and returns the admin's name for the page header.
     */
    public void routes(RoutesConfig routes, Web web, Function<Context, String> admin) {
        routes.get("/admin/outbox", ctx -> {
            String name = admin.apply(ctx);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("staffName", name);
            params.put("csrf", web.csrf().token(ctx));
            params.put("mails", recent(200));
            params.put("smtp", settings.toString());
            params.put("smtpConfigured", smtpConfigured());
            web.page(ctx, "platform/outbox.jte", params);
        });
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("A mail delivery pass failed; the mail stays queued for the next pass", e);
        }
    }

    private void purgeQuietly() {
        try {
            int purged = purgeOld();
            if (purged > 0) {
                log.info("Purged {} old outbox mail(s)", purged);
            }
        } catch (RuntimeException e) {
            log.warn("Purging old outbox mail failed; trying again in an hour", e);
        }
    }

    private static String describe(Exception e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 1000; t = t.getCause()) {
            if (!s.isEmpty()) {
                s.append(" <- ");
            }
            s.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return s.length() > 1000 ? s.substring(0, 1000) : s.toString();
    }

    /** PostgreSQL keeps microseconds; cutting the clock to them keeps due-time comparisons exact. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            // let a pass in flight finish its database writes; an SMTP conversation is cut short
            // after a moment (the mail is then tried again when its lease ends)
            loop.shutdown();
            try {
                if (!loop.awaitTermination(2, TimeUnit.SECONDS)) {
                    loop.shutdownNow();
                }
            } catch (InterruptedException e) {
                loop.shutdownNow();
                Thread.currentThread().interrupt();
            }
            loop = null;
        }
    }
}
