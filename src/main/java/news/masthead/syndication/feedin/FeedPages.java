package news.masthead.syndication.feedin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import news.masthead.newsroom.Section;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The back office's feed pages (editors and admins): {@code /admin/feeds} lists sources with their health
 * and adds one; {@code /admin/feeds/{id}} edits a source, polls it now and shows its item log. Marking a
 * source internal (which lets it reach private addresses) takes an admin.
 */
final class FeedPages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final FeedImport feeds;
    private final Web web;
    private final BiFunction<Context, String, String> requireStaff;

    FeedPages(FeedImport feeds, Web web, BiFunction<Context, String, String> requireStaff) {
        this.feeds = feeds;
        this.web = web;
        this.requireStaff = requireStaff;
    }

    void routes(RoutesConfig routes) {
        routes.get("/admin/feeds", ctx -> list(ctx, blank(), null, 200));
        routes.post("/admin/feeds", this::add);
        routes.get("/admin/feeds/{id}", ctx -> source(ctx, id(ctx), null, null, null, 200));
        routes.post("/admin/feeds/{id}", this::edit);
        routes.post("/admin/feeds/{id}/poll", this::poll);
    }

    private void list(Context ctx, FeedViews.Form form, WebError error, int status) {
        FeedViews.Chrome chrome = chrome(ctx, "Feeds");
        render(ctx, status, "feedin/feeds.jte", new FeedViews.ListPage(chrome, feeds.sources().stream().map(FeedPages::row).toList(),
                form, sections(), error == null ? null : error.getMessage(), error == null ? null : error.field()));
    }

    private void add(Context ctx) {
        FeedViews.Form form = form(ctx);
        requireStaff.apply(ctx, form.internal() ? "admin" : "editor");
        long id;
        try {
            id = feeds.addSource(settings(form));
        } catch (WebError e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            list(ctx, form, e, e.status());
            return;
        }
        ctx.redirect("/admin/feeds/" + id, HttpStatus.SEE_OTHER);
    }

    private void source(Context ctx, long id, FeedViews.Form typed, WebError error, String notice, int status) {
        FeedViews.Chrome chrome = chrome(ctx, "Feed");
        FeedSource source = feeds.source(id).orElseThrow(() -> WebError.notFound("There is no such feed."));
        List<FeedViews.ItemRow> items = feeds.items(id, 200).stream().map(FeedPages::item).toList();
        String message = notice != null ? notice : ctx.queryParam("polled") == null ? null : "Polled: " + ctx.queryParam("polled");
        render(ctx, status, "feedin/source.jte", new FeedViews.SourcePage(new FeedViews.Chrome(source.title(), chrome.staffName(),
                chrome.csrf()), id, row(source), typed != null ? typed : form(source), sections(),
                error == null ? null : error.getMessage(), error == null ? null : error.field(), message, items));
    }

    private void edit(Context ctx) {
        long id = id(ctx);
        FeedViews.Form form = form(ctx);
        FeedSource before = feeds.source(id).orElseThrow(() -> WebError.notFound("There is no such feed."));
        requireStaff.apply(ctx, form.internal() != before.internal() ? "admin" : "editor");
        try {
            feeds.updateSource(id, settings(form));
        } catch (WebError e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            source(ctx, id, form, e, null, e.status());
            return;
        }
        ctx.redirect("/admin/feeds/" + id, HttpStatus.SEE_OTHER);
    }

    private void poll(Context ctx) {
        requireStaff.apply(ctx, "editor");
        long id = id(ctx);
        feeds.source(id).orElseThrow(() -> WebError.notFound("There is no such feed."));
        PollReport report = feeds.pollNow(id);
        ctx.redirect("/admin/feeds/" + id + "?polled=" + java.net.URLEncoder.encode(summary(report), java.nio.charset.StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }

    static String summary(PollReport report) {
        StringBuilder s = new StringBuilder(report.ok() ? "" : "failed — ").append(report.message());
        for (ItemOutcome outcome : ItemOutcome.values()) {
            if (report.count(outcome) > 0) {
                s.append(' ').append(report.count(outcome)).append(' ').append(outcome.name().toLowerCase(java.util.Locale.ROOT)).append(',');
            }
        }
        String text = s.toString();
        return text.endsWith(",") ? text.substring(0, text.length() - 1) + "." : text;
    }

    private FeedViews.Chrome chrome(Context ctx, String title) {
        String name = requireStaff.apply(ctx, "editor");
        return new FeedViews.Chrome(title, name, web.csrf().token(ctx));
    }

    private void render(Context ctx, int status, String template, Object model) {
        web.page(ctx, status, template, model);
    }

    private List<String> sections() {
        return feeds.sectionSlugs();
    }

    private static long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // not a number: no such feed, below
        }
        throw WebError.notFound("There is no such feed.");
    }

    private static FeedViews.Form blank() {
        return new FeedViews.Form("", "", "", "", "", "draft", false, false);
    }

    private static FeedViews.Form form(Context ctx) {
        return new FeedViews.Form(text(ctx, "url"), text(ctx, "title"), text(ctx, "section"), text(ctx, "attribution"),
                text(ctx, "licence"), text(ctx, "landAs"), ctx.formParam("fetchFullPage") != null, ctx.formParam("internal") != null);
    }

    private static FeedViews.Form form(FeedSource s) {
        return new FeedViews.Form(s.url(), s.title(), s.sectionSlug(), s.attribution(), s.licence(), s.publish() ? "published" : "draft",
                s.fetchFullPage(), s.internal());
    }

    private static SourceSettings settings(FeedViews.Form f) {
        if (!f.landAs().equals("draft") && !f.landAs().equals("published")) {
            throw WebError.badRequest("landAs", "Choose whether items land as drafts or published.");
        }
        return new SourceSettings(f.url(), f.title(), f.section(), f.attribution(), f.licence(), f.published(), f.fetchFullPage(), f.internal());
    }

    private static FeedViews.SourceRow row(FeedSource s) {
        return new FeedViews.SourceRow(s.id(), s.title(), s.url(), s.sectionSlug(), s.publish() ? "published" : "drafts",
                s.lastSuccessAt() == null && s.lastErrorAt() == null ? "not polled yet" : s.healthy() ? "working" : "failing",
                time(s.lastSuccessAt()), s.lastError() == null ? "" : s.lastError() + " (" + time(s.lastErrorAt()) + ")",
                s.consecutiveFailures(), time(s.nextPollAt()));
    }

    private static FeedViews.ItemRow item(FeedItem i) {
        Long article = i.articleId() != null ? i.articleId() : i.duplicateOfArticleId();
        return new FeedViews.ItemRow(i.status(), i.headline().isEmpty() ? i.guid() : i.headline(), i.url(),
                article == null ? null : "/admin/articles/" + article, i.error() == null ? "" : i.error(), time(i.lastSeenAt()));
    }

    private static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    static List<String> slugs(List<Section> sections) {
        return sections.stream().map(Section::slug).toList();
    }
}
