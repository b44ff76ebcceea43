package news.masthead.privacy;

import news.masthead.accounts.Accounts;
import news.masthead.platform.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The retention job: every {@link #EVERY}, once in the cluster (a db-scheduler recurring task, picked
 * with a row lock in {@code scheduled_tasks}), it purges what nobody needs any more through each
 * feature's entry class, as the privacy settings say, and logs what went.
 */
final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final String TASK = "privacy-retention";
    static final Duration EVERY = Duration.ofHours(1);

    /** What one run purged. */
    record Purged(int signInLinks, int loginAttempts, int staffSessions, int readerSessions, int sentMail) {
        int total() {
            return signInLinks + loginAttempts + staffSessions + readerSessions + sentMail;
        }
    }

    private final Accounts accounts;
    private final Mailer mailer;
    private final Supplier<PrivacySettings> settings;

    Retention(Accounts accounts, Mailer mailer, Supplier<PrivacySettings> settings) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** One run, now (the task's body; tests call it with the test clock). */
    Purged run() {
        PrivacySettings s = settings.get();
        Purged purged = new Purged(accounts.purgeSignInLinks(s.keepSignInLinks()), accounts.purgeLoginAttempts(s.keepLoginAttempts()),
                accounts.purgeStaleStaffSessions(), accounts.purgeStaleReaderSessions(), mailer.purgeDelivered(s.keepSentMail()));
        log.info("Retention: purged {} sign-in link(s) (kept {} d), {} login attempt(s) (kept {} d), {} staff session(s),"
                        + " {} reader session(s), {} delivered mail(s) (kept {} d)",
                purged.signInLinks(), s.keepSignInLinksDays(), purged.loginAttempts(), s.keepLoginAttemptsDays(),
                purged.staffSessions(), purged.readerSessions(), purged.sentMail(), s.keepSentMailDays());
        return purged;
    }

    /** The retention job, for the node's {@code platform.jobs.Jobs}. */
    news.masthead.platform.jobs.Jobs.Job job() {
        return new news.masthead.platform.jobs.Jobs.Job(TASK, EVERY, this::run);
    }
}
