package news.masthead.privacy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import news.masthead.accounts.Accounts;
import news.masthead.platform.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The retention job: every {@link #EVERY}, once in the cluster (a db-scheduler recurring task, picked
 * with a row lock in {@code scheduled_tasks}), it purges what nobody needs any more through each
 * feature's entry class, as the privacy settings say, and logs what went.
 */
final class Retention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final String TASK = "privacy-retention";
    static final Duration EVERY = Duration.ofHours(1);

    /** What one run purged. */
    record Purged(int signInLinks, int loginAttempts, int staffSessions, int readerSessions, int sentMail) {
        int total() {
            return signInLinks + loginAttempts + staffSessions + readerSessions + sentMail;
        }
    }

    private final DataSource dataSource;
    private final Accounts accounts;
    private final Mailer mailer;
    private final Supplier<PrivacySettings> settings;
    private Scheduler scheduler;

    Retention(DataSource dataSource, Accounts accounts, Mailer mailer, Supplier<PrivacySettings> settings) {
        this.dataSource = dataSource;
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

    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        RecurringTask<Void> task = Tasks.recurring(TASK, Schedules.fixedDelay(EVERY)).execute((instance, context) -> {
            try {
                run();
            } catch (RuntimeException e) {
                log.warn("The retention purge failed; trying again in {}", EVERY, e);
            }
        });
        scheduler = Scheduler.create(dataSource).startTasks(task).threads(1).pollingInterval(Duration.ofSeconds(30))
                .shutdownMaxWait(Duration.ofSeconds(5)).build();
        scheduler.start();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }
}
