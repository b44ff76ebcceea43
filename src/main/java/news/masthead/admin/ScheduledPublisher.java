package news.masthead.admin;

import news.masthead.newsroom.Newsroom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes scheduled articles when their time comes, checking every few seconds. Runs on every
 * node: the newsroom claims due articles with {@code SKIP LOCKED}, so each is published once.
 */
final class ScheduledPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final Newsroom newsroom;
    private final Duration every;
    private ScheduledExecutorService executor;

    ScheduledPublisher(Newsroom newsroom, Duration every) {
        this.newsroom = newsroom;
        this.every = every;
    }

    synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("publish-due").factory());
        executor.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass; a failure is logged and the next pass tries again (the database may be briefly away). */
    void runOnce() {
        try {
            int published = newsroom.publishDue();
            if (published > 0) {
                log.info("Published {} scheduled article(s)", published);
            }
        } catch (RuntimeException e) {
            log.warn("Publishing scheduled articles failed; retrying in {} s", every.toSeconds(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
