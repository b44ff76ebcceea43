package news.masthead.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.accounts.Accounts;
import news.masthead.comments.Comments;
import news.masthead.membership.Membership;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Web;
import news.masthead.syndication.feedin.WebFetch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Moving a newspaper from WordPress or Ghost into Masthead: reads an export, writes sections,
 * authors, tags, articles, photos and redirects through the newsroom, and reports item by item what
 * it did. Running the same export again is safe: unchanged items are skipped, changed ones get a
 * new revision, and an item cut short by a crash is found again rather than written twice. A file
 * that cannot be read at all throws {@link UnusableExport} before anything is written.
 */
public final class Migration {
    private static final Duration SAVE_PROGRESS_EVERY = Duration.ofSeconds(1);

    private final Newsroom newsroom;
    private final Ledger ledger;
    private final ImportRuns runs;
    private final PhotoLibrary photos;
    private final Features features;
    private final Clock clock;

    /** Told how far an import is: {@code done} of {@code total} items of one kind. */
    @FunctionalInterface
    public interface Progress {
        void at(String kind, int done, int total);

        Progress NONE = (kind, done, total) -> {
        };
    }

    /**
     * What to import from a WordPress export: the uploads folder (optional), the section for pages, and
     * whether to fetch images by their URL (always done when no uploads folder is given and a fetcher is wired).
     */
    public record WordPress(Path file, Path uploads, String pagesSection, boolean fetchMedia) {
        public WordPress {
            pagesSection = pagesSection == null || pagesSection.isBlank() ? "pages" : pagesSection.strip();
        }

        public WordPress(Path file, Path uploads, String pagesSection) {
            this(file, uploads, pagesSection, false);
        }
    }

    /**
     * What to import from a Ghost export: the images folder and the members CSV (both optional); for paying
     * and complimentary members, the plan to grant (an id or a name; null: by tier name, else the cheapest
     * active plan) and the end of their complimentary membership when the CSV has no expiry (null: none granted).
     */
    public record Ghost(Path file, Path images, Path members, String section, String plan, Instant until) {
        public Ghost {
            section = section == null || section.isBlank() ? "news" : section.strip();
        }

        public Ghost(Path file, Path images, Path members, String section) {
            this(file, images, members, section, null, null);
        }
    }

    /**
     * The other features an import writes to, each optional (null: that part is counted, not imported):
     * comments (WordPress comments), accounts and membership (Ghost members), and the fetcher for images
     * given by URL.
     */
    public record Features(Comments comments, Accounts accounts, Membership membership, WebFetch web) {
        public static final Features NONE = new Features(null, null, null, null);
    }

    /** One import as the admin lists it. */
    public record Run(long id, String source, String fileName, String status, ImportReport report, String message,
                      Instant startedAt, Instant finishedAt) {
    }

    public Migration(Database database, Newsroom newsroom, PhotoLibrary photos, Clock clock) {
        this(database, newsroom, photos, Features.NONE, clock);
    }

    public Migration(Database database, Newsroom newsroom, PhotoLibrary photos, Features features, Clock clock) {
        this.features = features == null ? Features.NONE : features;
        this.newsroom = newsroom;
        this.ledger = new Ledger(database, clock);
        this.runs = new ImportRuns(database, new ObjectMapper());
        this.photos = photos;
        this.clock = clock;
    }

    public ImportReport importWordPress(WordPress what, Progress progress) {
        return run(WordPressImport.SOURCE, what.file(), progress, (tally, p) -> {
            PhotoFiles files = new PhotoFiles(photos, ledger, WordPressImport.SOURCE, what.uploads(), "/wp-content/uploads/",
                    what.fetchMedia() || what.uploads() == null ? features.web() : null);
            new WordPressImport(newsroom, ledger, writer(), files, new WordPressComments(features.comments(), ledger, tally),
                    what.pagesSection(), tally, p).run(what.file());
            tally.note("pages are imported as articles in the section /" + what.pagesSection());
        });
    }

    public ImportReport importGhost(Ghost what, Progress progress) {
        return run(GhostImport.SOURCE, what.file(), progress, (tally, p) -> {
            boolean importMembers = what.members() != null && features.accounts() != null && features.membership() != null;
            if (what.members() != null && !importMembers) {
                MembersCsv.count(what.members(), tally);
            }
            GhostMembers members = importMembers
                    ? new GhostMembers(features.accounts(), features.membership(), ledger, tally, clock.instant()) : null;
            news.masthead.membership.Plan plan = members == null ? null : members.plan(what.plan()); // refused before anything is written
            PhotoFiles files = new PhotoFiles(photos, ledger, GhostImport.SOURCE, what.images(), "/content/images/", null);
            new GhostImport(newsroom, ledger, writer(), files, what.section(), "pages", tally, p).run(what.file());
            tally.note("posts are imported into the section /" + what.section() + " and pages into /pages; "
                    + "old addresses /<slug>/ are kept as redirects");
            if (members != null) {
                members.run(what.members(), plan, what.until());
            }
        });
    }

    /** Past and running imports, newest first. */
    public List<Run> runs(int limit) {
        return runs.recent(limit);
    }

    /** The admin's list of imports at {@code /admin/imports}; {@code requireEditor} answers the signed-in editor's name or throws. */
    public void adminRoutes(RoutesConfig routes, Web web, Function<Context, String> requireEditor) {
        new ImportsPage(this, web, requireEditor).routes(routes);
    }

    private ArticleWriter writer() {
        return new ArticleWriter(newsroom, ledger, clock);
    }

    private interface Job {
        void run(Tally tally, Progress progress);
    }

    private ImportReport run(String source, Path file, Progress progress, Job job) {
        if (!Files.isRegularFile(file)) {
            throw new UnusableExport("There is no file " + file + ".");
        }
        String name = file.getFileName().toString();
        Tally tally = new Tally(source, name);
        long runId = runs.start(source, name, clock.instant());
        Instant[] saved = {clock.instant()};
        Progress both = (kind, done, total) -> {
            progress.at(kind, done, total);
            Instant now = Instant.now();
            if (done == total || Duration.between(saved[0], now).compareTo(SAVE_PROGRESS_EVERY) >= 0) {
                saved[0] = now;
                runs.progress(runId, tally.report());
            }
        };
        try {
            job.run(tally, both);
        } catch (RuntimeException e) {
            runs.finish(runId, tally.report(), "failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant());
            throw e;
        }
        ImportReport report = tally.report();
        runs.finish(runId, report, "finished", "", clock.instant());
        return report;
    }
}
