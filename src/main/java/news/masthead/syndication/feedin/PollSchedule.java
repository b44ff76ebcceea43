package news.masthead.syndication.feedin;

import news.masthead.platform.jobs.Jobs;

import java.time.Duration;

/**
 * The recurring job that polls due sources every {@link #EVERY}; the node's {@link Jobs} runs it, so with
 * many nodes each run happens on one of them.
 */
final class PollSchedule {
    static final String TASK = "feed-import-poll";
    static final Duration EVERY = Duration.ofMinutes(1);

    private PollSchedule() {
    }

    static Jobs.Job job(Runnable pollDue) {
        return new Jobs.Job(TASK, EVERY, pollDue);
    }
}
