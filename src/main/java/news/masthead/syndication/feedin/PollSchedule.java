package news.masthead.syndication.feedin;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The recurring db-scheduler task that polls due sources every {@link #EVERY}. db-scheduler picks each
 * execution with a row lock in {@code scheduled_tasks}, so with many nodes each run happens on one of them.
 */
final class PollSchedule implements AutoCloseable {
    static final String TASK = "feed-import-poll";
    static final Duration EVERY = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Runnable pollDue;
    private Scheduler scheduler;

    PollSchedule(DataSource dataSource, Runnable pollDue) {
        this.dataSource = dataSource;
        this.pollDue = pollDue;
    }

    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        RecurringTask<Void> task = Tasks.recurring(TASK, Schedules.fixedDelay(EVERY)).execute((instance, context) -> pollDue.run());
        scheduler = Scheduler.create(dataSource).startTasks(task).threads(1).pollingInterval(Duration.ofSeconds(10))
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
