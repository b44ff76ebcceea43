package news.masthead.epaper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.accounts.Reader;
import news.masthead.membership.Entitlements;
import news.masthead.membership.Plan;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.db.Database;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.PageMeta;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The ePaper: each day's newspaper as it appears in print, for readers with the {@code epaper}
 * entitlement. Editors upload the print PDF (whole, or page by page) or build it from the newsroom;
 * readers page through server-rendered page images, read each page's text, search an edition and
 * download the PDF. Nothing is shown until a printing is complete and published, and publishing is
 * one switch.
 *
 * <p>Routes: {@code /epaper…} (readers), {@code /admin/epaper…} (editors). Other features call
 * {@link #publish} (the composer's way in).
 */
public final class Epaper implements AutoCloseable {
    /** The entitlement that opens the ePaper. */
    public static final String ENTITLEMENT = "epaper";
    /** Room in an upload's body for the form fields and multipart boundaries around the PDF. */
    private static final long FORM_ROOM = 64 * 1024;

    private final Database database;
    private final Clock clock;
    private final PrintingRows rows;
    private final PageImages images;
    private final Printings printings;
    private final Builds builds;
    private final Newsroom newsroom;
    private final Supplier<ZoneId> zone;
    private final ReaderRoutes readerRoutes;
    private final AdminRoutes adminRoutes;

    /**
     * @param composer      builds an edition from the newsroom, or null where there is none
     * @param currentReader the signed-in reader of a request
     * @param entitlements  what a reader may get
     * @param plans         the plans readers can join now (the join box offers those granting {@code epaper})
     * @param requireEditor the name of the signed-in staff member of at least the editor role
     * @param isStaff       whether a request comes from signed-in staff (they may preview drafts)
     * @param frame         the public layout's frame
     * @param zone          the site's time zone (today's date, the daily build time)
     */
    public Epaper(Database database, Web web, Clock clock, Newsroom newsroom, Composer composer,
                  Function<Context, Optional<Reader>> currentReader, Entitlements entitlements, Supplier<List<Plan>> plans,
                  Function<Context, String> requireEditor, Predicate<Context> isStaff,
                  Supplier<PageMeta.SiteFrame> frame, Supplier<ZoneId> zone) {
        this.database = database;
        this.clock = clock;
        this.newsroom = newsroom;
        this.zone = zone;
        this.rows = new PrintingRows(database.jdbi());
        this.images = new PageImages(database.jdbi(), rows, clock);
        this.printings = new Printings(rows, images, clock);
        this.builds = new Builds(composer, rows, printings, clock, zone);
        Predicate<Context> entitled = once("epaper.entitled", ctx -> currentReader.apply(ctx)
                .map(r -> entitlements.has(r, ENTITLEMENT, clock.instant())).orElse(false));
        this.readerRoutes = new ReaderRoutes(this, web, entitled, once("epaper.staff", isStaff),
                () -> plans.get().stream().filter(p -> p.entitlements().contains(ENTITLEMENT)).toList(), frame);
        this.adminRoutes = new AdminRoutes(this, web, requireEditor);
    }

    /** Asks once per request (each answer is a query or two). */
    private static Predicate<Context> once(String key, Predicate<Context> question) {
        return ctx -> {
            Boolean answer = ctx.attribute(key);
            if (answer == null) {
                answer = question.test(ctx);
                ctx.attribute(key, answer);
            }
            return answer;
        };
    }

    public void routes(RoutesConfig routes) {
        adminRoutes.register(routes);
        readerRoutes.register(routes);
    }

    /** The daily-build job (each run on one node of the cluster), when a composer is wired; for the node's {@code platform.jobs.Jobs}. */
    public java.util.Optional<news.masthead.platform.jobs.Jobs.Job> job() {
        return builds.job(this::settings);
    }

    @Override
    public void close() {
        builds.close();
        images.close();
    }

    // ---- making editions

    /**
     * Publishes a whole edition for {@code day} from a PDF, at once: the composer's way in. The
     * PDF is checked like an upload; {@code placements} say which newsroom article is on which page.
     */
    public Printing publish(LocalDate day, Path pdf, List<Placement> placements, String source) {
        return printings.whole(day, pdf, List.copyOf(placements), source, source, true);
    }

    public Printing publish(LocalDate day, byte[] pdf, List<Placement> placements, String source) {
        Path file = null;
        try {
            file = Files.createTempFile("epaper-publish-", ".pdf");
            Files.write(file, pdf);
            return publish(day, file, placements, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                Printings.delete(file);
            }
        }
    }

    /** An uploaded whole edition: a draft, or published at once. */
    public Printing upload(LocalDate day, Path pdf, String staffName, boolean publish) {
        return printings.whole(day, pdf, List.of(), "upload: whole edition", staffName, publish);
    }

    /** A new draft of the day with page {@code page} (and following, for a longer upload) replaced. */
    public Printing replacePages(LocalDate day, int page, Path pdf, String staffName) {
        return printings.change(day, page, pdf, true, staffName);
    }

    /** A new draft of the day with the upload's pages inserted before page {@code page}. */
    public Printing insertPages(LocalDate day, int page, Path pdf, String staffName) {
        return printings.change(day, page, pdf, false, staffName);
    }

    /** Makes a processed printing what readers see for its day (one switch); 409 if it is not ready. */
    public Printing publishPrinting(long printingId) {
        if (!rows.publish(printingId, clock.instant())) {
            throw WebError.conflict("That printing is not ready to publish (it is still processing, or it failed).");
        }
        return rows.find(printingId).orElseThrow();
    }

    /** Takes the day's edition off the site; its printings stay. */
    public boolean withdraw(LocalDate day) {
        return rows.withdraw(day);
    }

    /** Deletes a printing readers do not see; 409 for the live one. */
    public void deletePrinting(long printingId) {
        if (!rows.delete(printingId)) {
            throw WebError.conflict("That printing is live or gone: publish another one of its day first.");
        }
    }

    /** Starts building the day's edition from these stories in the background; returns the printing to watch. */
    public long build(LocalDate day, List<Long> articleIds, String staffName, boolean publish) {
        return builds.start(day, List.copyOf(articleIds), staffName, publish);
    }

    /** Whether this site can build editions from the newsroom. */
    public boolean canBuild() {
        return builds.available();
    }

    public List<Long> defaultStories(LocalDate day) {
        return builds.defaultStories(day);
    }

    /** Runs the daily build now if it is due (the scheduler calls this every minute); true if it built. */
    public boolean runDailyBuildIfDue() {
        return builds.runIfDue(settings());
    }

    public Optional<Printing> printing(long id) {
        return rows.find(id);
    }

    /** A day's printings, newest first; ones stuck processing for over an hour are marked failed first. */
    public List<Printing> printings(LocalDate day) {
        printings.failStale();
        return rows.ofDay(day);
    }

    public List<Printing> recentPrintings(int limit) {
        return rows.recent(limit);
    }

    // ---- what readers see

    public Optional<Edition> edition(LocalDate day) {
        return rows.edition(day);
    }

    public Optional<Edition> latest() {
        return rows.latest();
    }

    public List<LocalDate> editionDays(YearMonth month) {
        return rows.daysIn(month);
    }

    public List<YearMonth> editionMonths() {
        return rows.months();
    }

    public List<SearchHit> search(Edition edition, String query) {
        return rows.search(edition.printingId(), query);
    }

    public List<Placement> placements(long printingId) {
        return rows.placements(printingId);
    }

    Optional<String> pageText(long printingId, int page) {
        return rows.pageText(printingId, page);
    }

    Optional<float[]> pageSize(long printingId, int page) {
        return rows.pageSize(printingId, page);
    }

    /** A page image (rendered and kept on first request); empty if there is no such page. */
    Optional<PageImages.Image> image(long printingId, int page, int width) {
        return images.image(printingId, page, width);
    }

    boolean isPublished(long printingId) {
        return rows.published(printingId);
    }

    void writePdf(long printingId, OutputStream out) throws IOException {
        rows.writePdf(printingId, out);
    }

    Newsroom newsroom() {
        return newsroom;
    }

    /** Today in the site's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone.get());
    }

    // ---- settings

    public EpaperSettings settings() {
        return rows.settings();
    }

    public void saveSettings(EpaperSettings settings) {
        if (settings.maxUploadMb() < 1 || settings.maxUploadMb() > 2048) {
            throw WebError.badRequest("maxUploadMb", "The largest upload must be between 1 and 2048 MB.");
        }
        rows.saveSettings(settings);
    }

    /** Whether a request is an ePaper upload, which may be far larger than other forms. */
    public static boolean isUpload(Context ctx) {
        return ctx.method().name().equals("POST") && ctx.path().startsWith("/admin/epaper/") && ctx.path().endsWith("/pdf");
    }

    /**
     * Prepares an ePaper upload before anything reads its body: the multipart parts go to temporary
     * files beyond 1 MB (never the heap), and the body may be as large as the configured limit plus
     * room for the form's other fields. Returns that largest body, in bytes; {@code app} refuses a
     * longer declared length with 413 before the body is read.
     */
    public long prepareUpload(Context ctx) {
        long max = settings().maxUploadBytes() + FORM_ROOM;
        ctx.req().setAttribute("org.eclipse.jetty.multipartConfig", new jakarta.servlet.MultipartConfigElement(
                System.getProperty("java.io.tmpdir"), max, max, 1024 * 1024));
        return max;
    }

    /** Makes sure the demo has an edition readers can open: today's, drawn by PDFBox, unless there is one. */
    public void ensureDemoEdition(String siteName) {
        LocalDate day = today();
        if (rows.edition(day).isPresent()) {
            return;
        }
        publish(day, DemoPrint.pdf(siteName, day), List.of(), "demo");
    }
}
