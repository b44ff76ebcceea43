package news.masthead.epaper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.membership.Plan;
import news.masthead.newsroom.LiveArticle;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.PageMeta;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The reader's ePaper, thin: the archive and latest edition at {@code /epaper}, an edition's pages
 * and search, the page viewer, text views, page images and the PDF. Everything but the archive and
 * the latest front page's thumbnail asks for the {@code epaper} entitlement; pages are per reader,
 * so they are never put in the shared page cache.
 */
final class ReaderRoutes {
    private static final String PRIVATE_PAGE = "private, no-cache";
    private static final String FOREVER_PRIVATE = "private, max-age=31536000, immutable";
    private static final String FOREVER_PUBLIC = "public, max-age=31536000, immutable";
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final Epaper epaper;
    private final Web web;
    private final Predicate<Context> entitled;
    private final Predicate<Context> isStaff;
    private final Supplier<List<Plan>> plans;
    private final Supplier<PageMeta.SiteFrame> frame;

    ReaderRoutes(Epaper epaper, Web web, Predicate<Context> entitled, Predicate<Context> isStaff,
                 Supplier<List<Plan>> plans, Supplier<PageMeta.SiteFrame> frame) {
        this.epaper = epaper;
        this.web = web;
        this.entitled = entitled;
        this.isStaff = isStaff;
        this.plans = plans;
        this.frame = frame;
    }

    void register(RoutesConfig routes) {
        routes.get("/epaper", this::archive);
        routes.get("/epaper/images/{printing}/{page}/{width}", this::image);
        routes.get("/epaper/{day}/edition.pdf", this::pdf);
        routes.get("/epaper/{day}/articles/{article}", this::article);
        routes.get("/epaper/{day}/{page}/text", this::pageText);
        routes.get("/epaper/{day}/{page}", this::viewer);
        routes.get("/epaper/{day}", this::edition);
    }

    private void archive(Context ctx) {
        Optional<Edition> latest = epaper.latest();
        List<YearMonth> months = epaper.editionMonths();
        YearMonth month = month(ctx.queryParam("month"), latest.map(e -> YearMonth.from(e.day())).orElse(YearMonth.from(epaper.today())));
        Calendar calendar = Calendar.of(month, new HashSet<>(epaper.editionDays(month)), months, Locale.ENGLISH);
        Map<String, Object> params = params(ctx, "ePaper");
        params.put("latest", latest.orElse(null));
        params.put("latestLabel", latest.map(e -> LONG_DATE.format(e.day())).orElse(null));
        params.put("calendar", calendar);
        params.put("months", months);
        render(ctx, 200, "epaper/archive.jte", params);
    }

    private void edition(Context ctx) {
        Edition edition = live(ctx);
        if (refuse(ctx, edition)) {
            return;
        }
        String q = ctx.queryParam("q");
        q = q == null ? "" : q.strip();
        if (q.length() > 200) {
            throw WebError.badRequest("q", "Search for at most 200 characters.");
        }
        Map<String, Object> params = params(ctx, "ePaper of " + LONG_DATE.format(edition.day()));
        params.put("edition", edition);
        params.put("dayLabel", LONG_DATE.format(edition.day()));
        params.put("q", q);
        params.put("hits", q.isEmpty() ? null : epaper.search(edition, q));
        params.put("placements", epaper.placements(edition.printingId()));
        render(ctx, 200, "epaper/edition.jte", params);
    }

    private void viewer(Context ctx) {
        Edition edition = live(ctx);
        int page = page(ctx, edition);
        if (refuse(ctx, edition)) {
            return;
        }
        float[] size = epaper.pageSize(edition.printingId(), page).orElseThrow(WebError::notFound);
        Map<String, Object> params = params(ctx, "Page " + page + " · ePaper of " + LONG_DATE.format(edition.day()));
        params.put("edition", edition);
        params.put("dayLabel", LONG_DATE.format(edition.day()));
        params.put("page", page);
        params.put("zoom", ctx.queryParam("zoom") != null);
        params.put("height", Math.round(PageImages.SCREEN * size[1] / size[0]));
        params.put("placements", epaper.placements(edition.printingId()).stream().filter(p -> p.page() == page).toList());
        params.put("script", web.assets().url("epaper.js"));
        render(ctx, 200, "epaper/viewer.jte", params);
    }

    private void pageText(Context ctx) {
        Edition edition = live(ctx);
        int page = page(ctx, edition);
        if (refuse(ctx, edition)) {
            return;
        }
        Map<String, Object> params = params(ctx, "Text of page " + page + " · ePaper of " + LONG_DATE.format(edition.day()));
        params.put("edition", edition);
        params.put("dayLabel", LONG_DATE.format(edition.day()));
        params.put("page", page);
        params.put("paragraphs", paragraphs(epaper.pageText(edition.printingId(), page).orElse("")));
        params.put("placements", epaper.placements(edition.printingId()).stream().filter(p -> p.page() == page).toList());
        render(ctx, 200, "epaper/text.jte", params);
    }

    private void article(Context ctx) {
        Edition edition = live(ctx);
        long articleId = number(ctx.pathParam("article"));
        Placement placement = epaper.placements(edition.printingId()).stream().filter(p -> p.articleId() == articleId)
                .findFirst().orElseThrow(() -> WebError.notFound("That story is not in this edition."));
        if (refuse(ctx, edition)) {
            return;
        }
        Optional<LiveArticle> live = epaper.newsroom().live(articleId);
        Map<String, Object> params = params(ctx, placement.headline() + " · ePaper of " + LONG_DATE.format(edition.day()));
        params.put("edition", edition);
        params.put("dayLabel", LONG_DATE.format(edition.day()));
        params.put("placement", placement);
        params.put("article", live.orElse(null));
        render(ctx, 200, "epaper/article.jte", params);
    }

    /** Page images: the latest edition's front-page thumbnail is for everyone, the rest for entitled readers. */
    private void image(Context ctx) {
        long printing = number(ctx.pathParam("printing"));
        int page = (int) number(ctx.pathParam("page"));
        String w = ctx.pathParam("width").replaceFirst("\\.jpg$", "");
        int width = (int) number(w);
        if (!PageImages.WIDTHS.contains(width)) {
            throw WebError.notFound();
        }
        boolean staff = isStaff.test(ctx);
        if (!staff && !epaper.isPublished(printing)) {
            throw WebError.notFound();
        }
        boolean cover = page == 1 && width == PageImages.THUMBNAIL
                && epaper.latest().map(e -> e.printingId() == printing).orElse(false);
        if (!cover && !staff && !entitled.test(ctx)) {
            throw WebError.forbidden("The ePaper is for members with the ePaper in their plan.");
        }
        String etag = "\"p" + printing + "-" + page + "-" + width + "\"";
        ctx.header("ETag", etag).header("Cache-Control", cover ? FOREVER_PUBLIC : FOREVER_PRIVATE);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        PageImages.Image image = epaper.image(printing, page, width).orElseThrow(WebError::notFound);
        ctx.contentType("image/jpeg").result(image.bytes());
    }

    private void pdf(Context ctx) throws IOException {
        Edition edition = live(ctx);
        if (!entitled.test(ctx) && !isStaff.test(ctx)) {
            throw WebError.forbidden("The ePaper is for members with the ePaper in their plan.");
        }
        String etag = "\"pdf" + edition.printingId() + "\"";
        ctx.header("ETag", etag).header("Cache-Control", PRIVATE_PAGE);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"epaper-" + edition.day() + ".pdf\"");
        epaper.printing(edition.printingId()).ifPresent(p -> ctx.header("Content-Length", Long.toString(p.pdfBytes())));
        try (OutputStream out = ctx.res().getOutputStream()) {
            epaper.writePdf(edition.printingId(), out);
        }
    }

    /** For a reader without the entitlement: 403 with the join box. True when refused. */
    private boolean refuse(Context ctx, Edition edition) {
        if (entitled.test(ctx) || isStaff.test(ctx)) {
            return false;
        }
        Map<String, Object> params = params(ctx, "ePaper of " + LONG_DATE.format(edition.day()));
        params.put("edition", edition);
        params.put("dayLabel", LONG_DATE.format(edition.day()));
        render(ctx, 403, "epaper/join.jte", params);
        return true;
    }

    private Edition live(Context ctx) {
        LocalDate day;
        try {
            day = LocalDate.parse(ctx.pathParam("day"));
        } catch (DateTimeParseException e) {
            throw WebError.notFound("There is no ePaper at that address: dates look like 2026-11-25.");
        }
        return epaper.edition(day).orElseThrow(() -> WebError.notFound("There is no ePaper of " + day + "."));
    }

    private static int page(Context ctx, Edition edition) {
        long page = number(ctx.pathParam("page"));
        if (page < 1 || page > edition.pages()) {
            throw WebError.notFound("This edition has " + edition.pages() + " pages.");
        }
        return (int) page;
    }

    private static long number(String s) {
        if (s == null || !s.matches("[0-9]{1,12}")) {
            throw WebError.notFound();
        }
        return Long.parseLong(s);
    }

    private static YearMonth month(String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw WebError.badRequest("month", "Months look like 2026-11.");
        }
    }

    static List<String> paragraphs(String text) {
        return java.util.Arrays.stream(text.split("\\n\\s*\\n|(?<=[.!?:])\\n"))
                .map(p -> p.replaceAll("\\s*\\n\\s*", " ").strip()).filter(p -> !p.isEmpty()).toList();
    }

    private Map<String, Object> params(Context ctx, String title) {
        Map<String, Object> params = new HashMap<>();
        params.put("meta", new PageMeta(title, null, null, "website", null, null, List.of(), frame.get(), true));
        params.put("entitled", entitled.test(ctx) || isStaff.test(ctx));
        params.put("plans", plans.get());
        params.put("latestCover", epaper.latest().map(e -> "/epaper/images/" + e.printingId() + "/1/" + PageImages.THUMBNAIL + ".jpg").orElse(null));
        return params;
    }

    private void render(Context ctx, int status, String template, Map<String, Object> params) {
        ctx.status(status).header("Cache-Control", PRIVATE_PAGE).header("Vary", "Cookie")
                .contentType("text/html; charset=utf-8").result(web.templates().render(template, params));
    }
}
