package news.masthead.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The node's recurring jobs, run by one db-scheduler over {@code scheduled_tasks}: each run of a job
 * happens on one node of the cluster (db-scheduler picks it with a row lock), and a job that fails is
 * logged and runs again at its next time.
 *
 * <p>One scheduler per node, knowing every job, on purpose: a db-scheduler that meets a task name it
 * does not know logs it as unresolved and, after a while, deletes its executions — so several
 * schedulers on one table, each knowing only its own feature's task, would end up cancelling each
 * other's jobs. Features describe their job ({@link Job}); {@code app} adds them and starts this once.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /**
     * A recurring job: its unique name in {@code scheduled_tasks}, the pause between the end of one run
     * and the start of the next, and its work (on a scheduler thread).
     */
    public record Job(String name, Duration every, Runnable work) {
        public Job {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(work, "work");
        }
    }

    private final DataSource dataSource;
    private final List<Job> jobs = new ArrayList<>();
    private Scheduler scheduler;

    public Jobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds a job; before {@link #start} only (a running scheduler learns no new task). */
    public synchronized void add(Job job) {
        if (scheduler != null) {
            throw new IllegalStateException("The jobs have started; add " + job.name() + " before start().");
        }
        if (jobs.stream().anyMatch(j -> j.name().equals(job.name()))) {
            throw new IllegalArgumentException("There is already a job named " + job.name() + ".");
        }
        jobs.add(job);
    }

    /** The names of the jobs added so far. */
    public synchronized List<String> names() {
        return jobs.stream().map(Job::name).toList();
    }

    /** Starts the scheduler with every job added; one thread per job, so a long run holds up no other job. */
    public synchronized void start() {
        if (scheduler != null || jobs.isEmpty()) {
            return;
        }
        RecurringTask<?>[] tasks = jobs.stream()
                .map(job -> Tasks.recurring(job.name(), Schedules.fixedDelay(job.every())).execute((instance, context) -> run(job)))
                .toArray(RecurringTask<?>[]::new);
        scheduler = Scheduler.create(dataSource).startTasks(tasks).threads(jobs.size()).pollingInterval(Duration.ofSeconds(10))
                .shutdownMaxWait(Duration.ofSeconds(5)).build();
        scheduler.start();
    }

    private static void run(Job job) {
        try {
            job.work().run();
        } catch (RuntimeException e) {
            log.warn("The job {} failed; it runs again in {}", job.name(), job.every(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }
}
