package news.masthead.app.demo;

import news.masthead.accounts.Accounts;
import news.masthead.accounts.Role;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.newsroom.Section;
import news.masthead.platform.db.Database;
import news.masthead.platform.time.Clocks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The demo newspaper: fifteen hand-written articles (three Premium), generated filler up to the number asked for,
 * seven sections and a Premium one, twelve journalists, painted photos, and a demo staff account to sign in with.
 * Loaded once: a finished load is marked in {@code demo_content}, and a load that was killed midway
 * resumes, skipping what exists (photos by seed, sections and authors by slug, articles by slug).
 * Asking later for more articles than were loaded adds only the difference.
 */
public final class DemoContent {
    /** The demo staff account; the password is fixed because the demo runs on the operator's own machine. */
    public static final String STAFF_EMAIL = "demo@masthead.local";
    public static final String STAFF_PASSWORD = "masthead-demo-2026";
    public static final String STAFF_NAME = "Demo Editor";

    private final Database db;
    private final Accounts accounts;
    private final Clock clock;
    private final Clocks.Settable deskClock;
    private final Newsroom newsroom;
    private final PictureDesk pictures;
    private final int photoPool;

    /** {@code clock} says what "now" is; publish times are spread over the weeks before it. */
    public DemoContent(Database db, Accounts accounts, Clock clock) {
        this(db, accounts, clock, Filler.PHOTO_POOL);
    }

    /** With a smaller pool of filler pictures (tests of the bulk path, where painting is the slow part). */
    DemoContent(Database db, Accounts accounts, Clock clock, int photoPool) {
        this.photoPool = photoPool;
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
        this.deskClock = new Clocks.Settable(clock.instant());
        this.newsroom = new Newsroom(db, deskClock);
        this.pictures = new PictureDesk(db, new PhotoLibrary(db, deskClock));
    }

    /** What a load did. {@code alreadyLoaded}: nothing was needed; {@code added}: new articles. */
    public record Report(boolean alreadyLoaded, int added, int articles, Duration took) {
    }

    /** Loads the demo newspaper with at least {@code articles} articles (the fifteen hand-written ones included). */
    public Report load(int articles, Consumer<String> progress) {
        long started = System.nanoTime();
        int loaded = loadedArticles();
        if (loaded >= articles && loaded > 0) {
            return new Report(true, 0, loaded, Duration.ofNanos(System.nanoTime() - started));
        }
        Instant now = clock.instant();
        long staffId = demoStaff();
        Map<String, Long> sections = sections();
        Map<String, Long> authors = authors();
        progress.accept("Painting the demo photos…");
        List<Long> pool = new ArrayList<>();
        for (int n = 0; n < photoPool; n++) {
            pool.add(pictures.poolPicture(n));
        }
        int added = 0;
        for (HandWritten.Story story : HandWritten.all()) {
            added += publish(story, authors, staffId, now) ? 1 : 0;
        }
        int filler = Math.max(0, articles - HandWritten.FILES.size());
        if (filler > 0) {
            progress.accept("Writing " + filler + " filler articles…");
            BulkLoader.Refs refs = new BulkLoader.Refs(sections, authors, tags(), pool, staffId);
            Duration window = fillerWindow(filler);
            added += new BulkLoader(db).load(1, filler, refs,
                    n -> now.minus(Duration.ofMinutes(150)).minusMillis(window.toMillis() / filler * (n - 1)),
                    done -> {
                        if (done % 50_000 == 0) {
                            progress.accept("  " + done + " of " + filler);
                        }
                    });
        }
        int total = HandWritten.FILES.size() + filler;
        markLoaded(total, now);
        return new Report(false, added, total, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Filler spreads two hours apart, over three weeks at least and five years at most. */
    static Duration fillerWindow(int filler) {
        Duration spread = Duration.ofHours(2L * filler);
        Duration min = Duration.ofDays(21);
        Duration max = Duration.ofDays(5 * 365);
        return spread.compareTo(min) < 0 ? min : spread.compareTo(max) > 0 ? max : spread;
    }

    /** The demo staff member (an admin) who signs in and who wrote the hand-written articles, created once. */
    private long demoStaff() {
        return accounts.staff().stream().filter(s -> s.email().equalsIgnoreCase(STAFF_EMAIL)).findFirst()
                .orElseGet(() -> accounts.addStaff(STAFF_EMAIL, STAFF_NAME, Role.ADMIN, STAFF_PASSWORD)).id();
    }

    private Map<String, Long> sections() {
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < Newspaper.DESKS.size(); i++) {
            Newspaper.Desk d = Newspaper.DESKS.get(i);
            int position = i + 1;
            Section s = newsroom.section(d.slug()).orElseGet(() -> newsroom.saveSection(null, d.slug(), d.name(), d.description(), position));
            ids.put(s.slug(), s.id());
        }
        // the Premium section: every article in it needs the premium entitlement (the demo plans grant it);
        // kept out of the map so filler never lands there
        Section premium = newsroom.section(PREMIUM_DESK).orElseGet(() -> newsroom.saveSection(null, PREMIUM_DESK, "Premium",
                "Investigations, long reads and analysis for members.", Newspaper.DESKS.size() + 1));
        newsroom.requireForSection(premium.id(), "premium");
        return ids;
    }

    /** The demo's Premium section (its requirement is {@code premium}). */
    static final String PREMIUM_DESK = "premium";

    private Map<String, Long> authors() {
        Map<String, Long> ids = new HashMap<>();
        for (Newspaper.Writer w : Newspaper.WRITERS) {
            Author a = newsroom.author(w.slug()).orElseGet(() -> newsroom.saveAuthor(null, w.slug(), w.name(), w.bio(), null));
            ids.put(a.slug(), a.id());
        }
        return ids;
    }

    /** Creates the filler's tags (by slug, as the newsroom makes them) and returns their ids by name. */
    private Map<String, Long> tags() {
        Map<String, Long> ids = new HashMap<>();
        db.jdbi().useTransaction(h -> {
            for (String name : Filler.allTags()) {
                String slug = Filler.slug(name);
                h.createUpdate("insert into tags (slug, name) values (:s, :n) on conflict (slug) do nothing")
                        .bind("s", slug).bind("n", name).execute();
                ids.put(name, h.createQuery("select id from tags where slug = :s").bind("s", slug).mapTo(Long.class).one());
            }
        });
        return ids;
    }

    /**
     * Writes and publishes one hand-written story through the newsroom, at its own time in the past,
     * then its update and correction; each step is skipped when a previous run already did it.
     */
    private boolean publish(HandWritten.Story story, Map<String, Long> authors, long staffId, Instant now) {
        Instant published = now.minus(Duration.ofHours(story.publishedHoursAgo()));
        deskClock.set(published);
        Optional<Long> existing = articleWithSlug(story.slug());
        long id = existing.orElseGet(() -> newsroom.create(draft(story, authors, story.bodyMarkdown()), staffId));
        var article = newsroom.article(id);
        if (!story.requires().isBlank()) {
            newsroom.requireForArticle(id, story.requires());
        }
        if (article.status() != ArticleStatus.PUBLISHED) {
            newsroom.publish(id, staffId);
        }
        if (story.hasUpdate() && article.current().number() == 1) {
            deskClock.set(now.minus(Duration.ofHours(story.updatedHoursAgo())));
            newsroom.save(id, 1, draft(story, authors, story.bodyMarkdown() + "\n\n" + story.updateMarkdown()), staffId);
        }
        if (story.hasCorrection() && newsroom.live(id).orElseThrow().corrections().isEmpty()) {
            deskClock.set(published.plus(Duration.ofHours(3)));
            newsroom.addCorrection(id, story.correction(), staffId);
        }
        return existing.isEmpty();
    }

    private ArticleDraft draft(HandWritten.Story s, Map<String, Long> authors, String body) {
        long photo = pictures.picture(HandWritten.FILES.indexOf(s.file()) + 1, s.photoScene(), s.photoCaption(), s.photoAlt());
        return new ArticleDraft(s.headline(), "", s.standfirst(), body, photo, s.section(),
                s.authorSlugs().stream().map(authors::get).toList(), s.tags(), s.slug(), s.canonicalUrl(), s.sourceName(),
                s.sourceUrl());
    }

    private Optional<Long> articleWithSlug(String slug) {
        return db.jdbi().withHandle(h -> h.createQuery("select id from articles where slug = :s").bind("s", slug)
                .mapTo(Long.class).findOne());
    }

    /** How many articles a finished load put in (0 when none has finished). */
    public int loadedArticles() {
        return db.jdbi().withHandle(h -> h.createQuery("select articles from demo_content").mapTo(Integer.class)
                .findOne().orElse(0));
    }

    private void markLoaded(int articles, Instant at) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        insert into demo_content (id, articles, completed_at) values (1, :n, :at)
                        on conflict (id) do update set articles = greatest(demo_content.articles, excluded.articles),
                            completed_at = excluded.completed_at""")
                .bind("n", articles).bind("at", at).execute());
    }
}
