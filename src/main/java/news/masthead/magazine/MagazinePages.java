package news.masthead.magazine;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import news.masthead.newsroom.ArticleListing;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.Page;
import news.masthead.site.PageMeta;
import news.masthead.site.PhotoFigures;
import news.masthead.site.Site;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The magazine's routes: the public archive and issue pages (served and cached through {@link Site#serve}),
 * and the back office at {@code /admin/magazine} (editors).
 */
final class MagazinePages {
    private static final int PICKS = 60;

    private final Magazine magazine;
    private final Newsroom newsroom;
    private final PhotoFigures photos;
    private final Site site;
    private final Web web;
    private final BiFunction<Context, String, String> requireStaff;

    MagazinePages(Magazine magazine, Newsroom newsroom, PhotoFigures photos, Site site, Web web,
                  BiFunction<Context, String, String> requireStaff) {
        this.magazine = magazine;
        this.newsroom = newsroom;
        this.photos = photos;
        this.site = site;
        this.web = web;
        this.requireStaff = requireStaff;
    }

    void routes(RoutesConfig routes) {
        routes.get("/magazine", ctx -> site.serve(ctx, "/magazine", this::archive));
        routes.head("/magazine", ctx -> site.serve(ctx, "/magazine", this::archive));
        routes.get("/magazine/{issue}", ctx -> site.serve(ctx, ctx.path(), () -> issuePage(ctx.pathParam("issue"))));
        routes.head("/magazine/{issue}", ctx -> site.serve(ctx, ctx.path(), () -> issuePage(ctx.pathParam("issue"))));
        routes.get("/admin/magazine", ctx -> list(ctx, MagazineViews.Form.blank(), null, 200));
        routes.post("/admin/magazine", this::create);
        routes.get("/admin/magazine/{id}", ctx -> edit(ctx, id(ctx), null, null, null, null, 200));
        routes.post("/admin/magazine/{id}", this::update);
        routes.post("/admin/magazine/{id}/contents", this::contents);
        routes.post("/admin/magazine/{id}/publish", ctx -> publish(ctx, true));
        routes.post("/admin/magazine/{id}/unpublish", ctx -> publish(ctx, false));
    }

    // public pages

    private Page archive() {
        List<Issue> issues = magazine.issues(true);
        Set<String> keys = new LinkedHashSet<>(List.of(Site.EVERY_PAGE, Magazine.KEY));
        List<MagazineViews.Cover> covers = issues.stream().map(i -> new MagazineViews.Cover(i, figure(i.coverPhotoId()))).toList();
        PageMeta meta = meta("Magazine", "Every issue of the monthly magazine.", null);
        return Page.ok(Page.HTML, web.templates().render("magazine/archive.jte", new MagazineViews.Archive(meta, covers)), keys);
    }

    private Page issuePage(String slug) {
        Issue issue = (slug.length() <= 120 ? magazine.publishedIssue(slug) : java.util.Optional.<Issue>empty())
                .orElseThrow(() -> WebError.notFound("There is no such issue of the magazine."));
        Set<String> keys = new LinkedHashSet<>(List.of(Site.EVERY_PAGE, Magazine.KEY, Magazine.KEY + ":" + issue.id()));
        List<MagazineViews.Line> lines = magazine.liveContents(issue.id());
        lines.forEach(l -> keys.add("article:" + l.article().id()));
        List<MagazineViews.Part> parts = new ArrayList<>();
        for (MagazineViews.Line line : lines) {
            if (parts.isEmpty() || !parts.getLast().department().equals(line.department())) {
                parts.add(new MagazineViews.Part(line.department(), new ArrayList<>()));
            }
            parts.getLast().lines().add(line);
        }
        PhotoFigures.Figure cover = figure(issue.coverPhotoId());
        PageMeta meta = meta(issue.name(), issue.monthName() + ": " + issue.title(), null);
        return Page.ok(Page.HTML, web.templates().render("magazine/issue.jte", new MagazineViews.IssuePage(meta, issue, cover, parts)), keys);
    }

    private PageMeta meta(String title, String description, String imageUrl) {
        return new PageMeta(title, description, null, "website", imageUrl, null, List.of(), site.frame(), false);
    }

    private PhotoFigures.Figure figure(Long photoId) {
        return photoId == null ? null : photos.figure(photoId).orElse(null);
    }

    // back office

    private void list(Context ctx, MagazineViews.Form form, WebError error, int status) {
        MagazineViews.Chrome chrome = chrome(ctx, "Magazine");
        render(ctx, status, "magazine/admin.jte", new MagazineViews.AdminList(chrome, magazine.issues(false), form,
                error == null ? null : error.getMessage(), error == null ? null : error.field()));
    }

    private void create(Context ctx) {
        requireStaff.apply(ctx, "editor");
        MagazineViews.Form form = form(ctx);
        Issue issue;
        try {
            issue = magazine.create(draft(form));
        } catch (WebError e) {
            if (e.status() != 400) {
                throw e;
            }
            list(ctx, form, e, 400);
            return;
        }
        ctx.redirect("/admin/magazine/" + issue.id(), HttpStatus.SEE_OTHER);
    }

    private void edit(Context ctx, long id, MagazineViews.Form typed, String contents, WebError error, String notice, int status) {
        MagazineViews.Chrome chrome = chrome(ctx, "Issue");
        Issue issue = magazine.issue(id);
        List<MagazineViews.Pick> picks = newsroom.articles(null, "", 0, PICKS).stream()
                .map(MagazinePages::pick).toList();
        render(ctx, status, "magazine/issue-admin.jte", new MagazineViews.AdminIssue(
                new MagazineViews.Chrome(issue.name(), chrome.staffName(), chrome.csrf()), issue,
                typed != null ? typed : MagazineViews.Form.of(issue),
                contents != null ? contents : MagazineViews.contentsText(magazine.contents(id)), picks,
                error == null ? null : error.getMessage(), error == null ? null : error.field(),
                notice != null ? notice : ctx.queryParam("saved") != null ? "Saved." : null));
    }

    private void update(Context ctx) {
        requireStaff.apply(ctx, "editor");
        long id = id(ctx);
        MagazineViews.Form form = form(ctx);
        try {
            magazine.update(id, draft(form));
        } catch (WebError e) {
            if (e.status() != 400) {
                throw e;
            }
            edit(ctx, id, form, null, e, null, 400);
            return;
        }
        ctx.redirect("/admin/magazine/" + id + "?saved", HttpStatus.SEE_OTHER);
    }

    private void contents(Context ctx) {
        requireStaff.apply(ctx, "editor");
        long id = id(ctx);
        String text = ctx.formParam("contents") == null ? "" : ctx.formParam("contents");
        try {
            magazine.setContents(id, entries(text));
        } catch (WebError e) {
            if (e.status() != 400) {
                throw e;
            }
            edit(ctx, id, null, text, e, null, 400);
            return;
        }
        ctx.redirect("/admin/magazine/" + id + "?saved", HttpStatus.SEE_OTHER);
    }

    private void publish(Context ctx, boolean publish) {
        requireStaff.apply(ctx, "editor");
        long id = id(ctx);
        if (publish) {
            magazine.publish(id);
        } else {
            magazine.unpublish(id);
        }
        ctx.redirect("/admin/magazine/" + id + "?saved", HttpStatus.SEE_OTHER);
    }

    /** {@code 42} or {@code 42 | Grammar}, one per line; blank lines skipped; anything else a 400 naming the line. */
    static List<Entry> entries(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\\R");
        if (lines.length > 500) {
            throw WebError.badRequest("contents", "An issue holds at most 500 articles.");
        }
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int bar = line.indexOf('|');
            String number = (bar < 0 ? line : line.substring(0, bar)).strip();
            if (!number.matches("[0-9]{1,15}")) {
                throw WebError.badRequest("contents[" + entries.size() + "]",
                        "Each line is an article number, optionally followed by | and a department: not “" + abbreviate(line) + "”.");
            }
            entries.add(new Entry(Long.parseLong(number), bar < 0 ? "" : line.substring(bar + 1)));
        }
        return entries;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static IssueDraft draft(MagazineViews.Form f) {
        return IssueDraft.parse(f.number(), f.title(), f.month(), f.slug(), f.coverPhotoId(), f.letter());
    }

    private static MagazineViews.Form form(Context ctx) {
        return new MagazineViews.Form(text(ctx, "number"), text(ctx, "title"), text(ctx, "month"), text(ctx, "slug"),
                text(ctx, "coverPhotoId"), text(ctx, "letter"));
    }

    private static MagazineViews.Pick pick(ArticleListing a) {
        return new MagazineViews.Pick(a.id(), a.headline(), a.status().name().toLowerCase(java.util.Locale.ROOT));
    }

    private MagazineViews.Chrome chrome(Context ctx, String title) {
        return new MagazineViews.Chrome(title, requireStaff.apply(ctx, "editor"), web.csrf().token(ctx));
    }

    private void render(Context ctx, int status, String template, Object model) {
        web.page(ctx, status, template, model);
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (raw.matches("[0-9]{1,15}") && Long.parseLong(raw) > 0) {
            return Long.parseLong(raw);
        }
        throw WebError.notFound("There is no such issue.");
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
