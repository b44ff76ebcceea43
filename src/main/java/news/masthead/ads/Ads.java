package news.masthead.ads;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.Photo;
import news.masthead.newsroom.PhotoDetails;
import news.masthead.newsroom.PhotoLibrary;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * First-party ads: house and direct-sold creatives in three slots (top, in-article, sidebar),
 * rotated by weight and schedule, counted per creative and day, never per reader. No third-party
 * code, no cookies.
 *
 * <p>Pages are cached per variant, so a page carries only empty boxes of a fixed size for its slots
 * ({@code ads/slot.jte}); {@code public/ads.js} asks {@code GET /ads/fill} which creative goes in
 * each, and that answer (never cached) knows the reader's entitlements and counts the impressions
 * as it is served. Clicks go through {@code /ads/c/{id}}, which counts and redirects to the stored
 * link only. Readers with {@code ad-light} get none or one house ad ({@link AdSettings}); pages
 * rendered for such a variant can leave out the boxes with {@link #slotsShown}.
 */
public final class Ads implements AutoCloseable {
    /** The script that fills the boxes, with its content hash ({@code site/layout.jte} links it). */
    public static final String SCRIPT_URL = new news.masthead.platform.web.Assets().url("ads.js");
    /** Largest creative image we take: ads should be light. */
    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    private static final long SNAPSHOT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final CreativeRows rows;
    private final PhotoLibrary photos;
    private final Clock clock;
    private final Tally tally;
    private final AdPages pages;
    private volatile Snapshot snapshot;
    private ScheduledExecutorService flusher;

    /** What a page view needs of the creatives in rotation, reloaded every few seconds (and at once after an edit here). */
    private record Snapshot(List<Creative> creatives, Map<Long, Photo> images, AdSettings settings, long loadedAt) {
    }

    /** One filled slot, as {@code GET /ads/fill} sends it. */
    record Fill(String slot, long id, String href, String src, String srcset, int width, int height, String alt, boolean house) {
    }

    /**
     * @param entitlements the entitlements of the reader of a request (none for someone not signed in), from membership
     * @param requireStaff the signed-in staff member's name (an editor at least), or a refusal
     */
    public Ads(Database database, PhotoLibrary photos, Web web, Clock clock,
               Function<Context, Set<String>> entitlements, Function<Context, String> requireStaff) {
        this.rows = new CreativeRows(database.jdbi());
        this.photos = photos;
        this.clock = clock;
        this.tally = new Tally(clock, rows);
        this.pages = new AdPages(this, web, entitlements, requireStaff);
    }

    public void routes(RoutesConfig routes) {
        pages.routes(routes);
    }

    /** Starts writing the counts every ten seconds. */
    public synchronized void start() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("ads-counts").factory());
            flusher.scheduleWithFixedDelay(() -> {
                try {
                    tally.flush();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(Ads.class).warn("Could not write ad counts; keeping them for the next try", e);
                }
            }, 10, 10, TimeUnit.SECONDS);
        }
    }

    /** Stops the writer and writes what is still counted. */
    @Override
    public synchronized void close() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
        try {
            tally.flush();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Ads.class).warn("Could not write the last ad counts", e);
        }
    }

    // ---- for pages

    /**
     * The slots ({@code top}, {@code in-article}, {@code sidebar}) a page rendered for readers with
     * these entitlements should carry boxes for: all of them, or for {@code ad-light} none or just
     * {@code sidebar} (the site setting). Variant-keyed rendering leaves out the rest, so ad-light
     * readers see no empty boxes at all.
     */
    private final List<Runnable> settingsListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Set<String> slotsShown(Set<String> entitlements) {
        return Rotation.slotsShown(entitlements, current().settings()).stream().map(Slot::label)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * An article's HTML with the in-article box after paragraph N (the setting), for pages that
     * place it on the server (no movement at all when it fills); unchanged if the text is shorter.
     * Without it, {@code ads.js} inserts the box itself.
     */
    public String placeInArticle(String bodyHtml) {
        return InArticle.place(bodyHtml, current().settings().inArticleAfter());
    }

    // ---- serving

    /** The creatives for one page view of these slots, each counted as an impression. */
    List<Fill> fill(Set<Slot> requested, Set<String> entitlements) {
        Snapshot s = current();
        Map<Slot, Creative> chosen = Rotation.choose(s.creatives(), requested, entitlements, s.settings(), clock.instant(),
                ThreadLocalRandom.current());
        return chosen.entrySet().stream().flatMap(e -> {
            Photo photo = s.images().get(e.getValue().photoId());
            if (photo == null) {
                return java.util.stream.Stream.empty();
            }
            Creative c = e.getValue();
            tally.impression(c.id());
            return java.util.stream.Stream.of(new Fill(e.getKey().label(), c.id(), c.clickPath(), photo.src(), photo.srcset(),
                    e.getKey().width(), e.getKey().height(), c.altText(), c.house()));
        }).toList();
    }

    /** Counts a click and returns where it goes: the creative's stored link, nothing else (404 for no such creative). */
    String click(long id) {
        Creative c = rows.find(id).orElseThrow(() -> WebError.notFound("There is no such ad."));
        tally.click(c.id());
        return c.linkUrl();
    }

    AdSettings settings() {
        return current().settings();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAt() > SNAPSHOT_NANOS) {
            List<Creative> live = rows.active();
            Map<Long, Photo> images = new HashMap<>();
            for (Creative c : live) {
                photos.find(c.photoId()).ifPresent(p -> images.put(p.id(), p));
            }
            s = new Snapshot(live, images, rows.settings(), System.nanoTime());
            snapshot = s;
        }
        return s;
    }

    // ---- the admin

    /** All creatives, by slot and name. */
    public List<Creative> creatives() {
        return rows.all();
    }

    public Optional<Creative> creative(long id) {
        return rows.find(id);
    }

    /** Adds a creative with its image (sniffed and re-encoded by the photo library: JPEG, PNG or WebP, at most 2 MB). */
    Creative create(CreativeDraft draft, String fileName, byte[] image) {
        long photo = upload(draft, fileName, image);
        long id = rows.insert(draft, photo, clock.instant());
        snapshot = null;
        return rows.find(id).orElseThrow();
    }

    /** Changes a creative; a new image replaces the old one only if given. */
    Creative update(long id, CreativeDraft draft, String fileName, byte[] image) {
        rows.find(id).orElseThrow(() -> WebError.notFound("There is no such ad."));
        Long photo = image == null || image.length == 0 ? null : upload(draft, fileName, image);
        if (!rows.update(id, draft, photo, clock.instant())) {
            throw WebError.notFound("There is no such ad.");
        }
        snapshot = null;
        return rows.find(id).orElseThrow();
    }

    /** Deletes a creative never shown; one with counts can only be deactivated (409), so its record stays. */
    void delete(long id) {
        rows.find(id).orElseThrow(() -> WebError.notFound("There is no such ad."));
        tally.flush();
        if (!rows.deleteUnshown(id)) {
            throw WebError.conflict("This ad has been shown: deactivate it instead, so its counts stay.");
        }
        snapshot = null;
    }

    void saveSettings(AdSettings settings) {
        rows.saveSettings(settings);
        snapshot = null;
        // which boxes a page carries and where the in-article one goes are baked into cached pages
        settingsListeners.forEach(Runnable::run);
    }

    /** Runs after the ad settings change (the node drops its cached pages: they carry the slot boxes). */
    public void onSettingsChange(Runnable listener) {
        settingsListeners.add(listener);
    }

    /** Per creative: impressions and clicks today, over the last 30 days, and per day (newest first). Writes pending counts first. */
    Map<Long, List<CreativeRows.Counts>> counts() {
        tally.flush();
        LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(29);
        return rows.counts(since).stream().collect(Collectors.groupingBy(CreativeRows.Counts::creativeId));
    }

    /** Writes the counts kept in memory now (tests; the admin page does it before reading). */
    public void flushCounts() {
        tally.flush();
    }

    /**
     * Adds a house creative unless one with this name exists (the demo's "Support our journalism").
     * Returns its id.
     */
    public long ensureHouseAd(String name, String slot, String linkUrl, String altText, int weight, String fileName, byte[] image) {
        return rows.all().stream().filter(c -> c.name().equals(name)).findFirst().map(Creative::id)
                .orElseGet(() -> create(CreativeDraft.parse(name, linkUrl, altText, slot, Integer.toString(weight), null, null,
                        "on", "on"), fileName, image).id());
    }

    private long upload(CreativeDraft draft, String fileName, byte[] image) {
        if (image == null || image.length == 0) {
            throw WebError.badRequest("image", "Choose the ad's image (JPEG, PNG or WebP).");
        }
        if (image.length > MAX_IMAGE_BYTES) {
            throw WebError.tooLarge("image", "The image is larger than 2 MB: ads should be light. Export it smaller.");
        }
        return photos.upload(fileName, image, new PhotoDetails("Advertisement: " + draft.name(), "", draft.altText(), "advertisement")).id();
    }

    static Set<Slot> slots(String raw) {
        Set<Slot> slots = EnumSet.noneOf(Slot.class);
        if (raw != null) {
            for (String part : raw.split(",", 8)) {
                Slot.parse(part.strip()).ifPresent(slots::add);
            }
        }
        return slots;
    }

    Instant now() {
        return clock.instant();
    }
}
