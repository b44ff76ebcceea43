package news.masthead.epaper;

import news.masthead.platform.web.WebError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Editions built from the newsroom: an editor's build runs in the background (its printing shows
 * "processing", then draft or published, or failed with the reason), and the daily build runs at
 * the configured time once in the cluster (db-scheduler). The daily build never overwrites an
 * upload: a day that has an uploaded printing is left alone, as is a day already built.
 */
final class Builds implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Builds.class);
    static final String TASK = "epaper-daily-build";
    static final String SCHEDULED = "newsroom: daily build";

    private final Composer composer;
    private final PrintingRows rows;
    private final Printings printings;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "epaper-build");
        t.setDaemon(true);
        return t;
    });

    Builds(Composer composer, PrintingRows rows, Printings printings, Clock clock, Supplier<ZoneId> zone) {
        this.composer = composer;
        this.rows = rows;
        this.printings = printings;
        this.clock = clock;
        this.zone = zone;
    }

    boolean available() {
        return composer != null;
    }

    List<Long> defaultStories(LocalDate day) {
        return composer == null ? List.of() : composer.defaultStories(day);
    }

    /** Starts a build in the background; returns the printing that shows its progress. */
    long start(LocalDate day, List<Long> articleIds, String madeBy, boolean publish) {
        if (composer == null) {
            throw WebError.conflict("Building from the newsroom is not available on this site.");
        }
        if (articleIds.isEmpty()) {
            throw WebError.badRequest("articles", "Choose at least one story for the edition.");
        }
        long holder = rows.create(day, "newsroom: building " + articleIds.size() + " stories", madeBy, clock.instant());
        background.submit(() -> build(holder, day, articleIds, madeBy, publish));
        return holder;
    }

    /**
     * Runs in the background: composes, then makes the real printing. The holder row shows progress
     * while composing and is replaced by the printing (or marked failed with the reason).
     */
    private void build(long holder, LocalDate day, List<Long> articleIds, String madeBy, boolean publish) {
        Path file = null;
        try {
            Composer.Composed composed = composer.compose(day, articleIds);
            file = Files.createTempFile("epaper-build-", ".pdf");
            Files.write(file, composed.pdf());
            printings.whole(day, file, composed.placements(), "newsroom: " + articleIds.size() + " stories", madeBy, publish);
            rows.delete(holder);
        } catch (Exception e) {
            String message = e instanceof WebError w ? w.getMessage()
                    : "The build failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").";
            log.warn("ePaper build of {} failed", day, e);
            printings.failed(holder, message);
        } finally {
            if (file != null) {
                Printings.delete(file);
            }
        }
    }

    /**
     * The daily build, if it is due: past the build time today (site's zone), no upload and no
     * build of today yet. Runs synchronously (it is already on the scheduler's thread).
     */
    boolean runIfDue(EpaperSettings settings) {
        if (composer == null || settings.buildAt() == null) {
            return false;
        }
        ZonedDateTime now = clock.instant().atZone(zone.get());
        LocalDate today = now.toLocalDate();
        if (now.toLocalTime().isBefore(settings.buildAt()) || rows.anyOfDay(today, "upload") || rows.anyOfDay(today, "newsroom")) {
            return false;
        }
        List<Long> stories = composer.defaultStories(today);
        long holder = rows.create(today, SCHEDULED, "schedule", clock.instant());
        if (stories.isEmpty()) {
            printings.failed(holder, "The daily build found no stories for " + today + ".");
            return false;
        }
        build(holder, today, stories, "schedule", true);
        return true;
    }

    /** The daily-build job (checks every minute whether today's build is due); none without a composer. */
    java.util.Optional<news.masthead.platform.jobs.Jobs.Job> job(Supplier<EpaperSettings> settings) {
        return composer == null ? java.util.Optional.empty()
                : java.util.Optional.of(new news.masthead.platform.jobs.Jobs.Job(TASK, Duration.ofMinutes(1), () -> runIfDue(settings.get())));
    }

    @Override
    public synchronized void close() {
        background.shutdownNow();
    }
}
