package news.masthead.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.Article;
import news.masthead.newsroom.ArticleDraft;
import news.masthead.newsroom.ArticleListing;
import news.masthead.newsroom.ArticleStatus;
import news.masthead.newsroom.Correction;
import news.masthead.newsroom.EditLock;
import news.masthead.newsroom.LiveArticle;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Section;
import news.masthead.newsroom.Tag;
import news.masthead.platform.html.Markdown;
import news.masthead.platform.web.WebError;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static news.masthead.admin.Editor.CONTRIBUTOR;
import static news.masthead.admin.Editor.EDITOR;

/**
 * The article list and the article editor: every action on the form saves the editor's text first
 * (a new revision only when something changed), then publishes, schedules or unpublishes. A
 * refused save shows the form again with the message and every character the editor typed.
 */
final class ArticlePages {
    static final int PAGE_SIZE = 25;
    private static final Map<String, String> NOTICES = Map.of(
            "saved", "Saved.", "published", "Published.", "scheduled", "Scheduled.", "unpublished", "Unpublished.",
            "corrected", "Correction added.", "restored", "Restored as a new revision.", "created", "Draft created.");

    private final Newsroom newsroom;
    private final Pages pages;
    private final Times times;
    private final Markdown markdown;
    private final Supplier<String> baseUrl;

    ArticlePages(Newsroom newsroom, Pages pages, Times times, Markdown markdown, Supplier<String> baseUrl) {
        this.newsroom = newsroom;
        this.pages = pages;
        this.times = times;
        this.markdown = markdown;
        this.baseUrl = baseUrl;
    }

    void routes(RoutesConfig routes) {
        routes.get("/admin/articles", this::list);
        routes.get("/admin/articles/new", this::newArticle);
        routes.post("/admin/articles", this::create);
        routes.get("/admin/articles/{id}", this::edit);
        routes.post("/admin/articles/{id}", this::submit);
        routes.post("/admin/articles/{id}/corrections", this::correct);
        routes.post("/admin/preview", this::preview);
    }

    private void list(Context ctx) {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        ArticleStatus status = status(ctx.queryParam("status"));
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        int page = Pages.intQuery(ctx, "page", 1, 1, 100_000);
        int total = newsroom.countArticles(status, query);
        List<Views.ArticleRow> rows = newsroom.articles(status, query, (page - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(this::row).toList();
        String filter = "/admin/articles?status=" + (status == null ? "" : status.dbValue()) + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&page=";
        pages.render(ctx, 200, "admin/articles.jte", new Views.ArticleList(pages.chrome(ctx, me, "Articles"), rows,
                status == null ? "" : status.dbValue(), query, total, page > 1 ? filter + (page - 1) : null,
                page * PAGE_SIZE < total ? filter + (page + 1) : null));
    }

    private Views.ArticleRow row(ArticleListing a) {
        EditLock lock = a.lock();
        return new Views.ArticleRow(a.id(), a.headline(), label(a.status()), a.sectionName(), times.display(a.updatedAt()),
                a.status() == ArticleStatus.SCHEDULED ? times.display(a.publishAt()) : "",
                lock == null ? "" : lock.staffName() + " (until " + times.clock(lock.expiresAt()) + ")");
    }

    private static ArticleStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("status", "Choose draft, scheduled, published or unpublished.");
        }
    }

    private void newArticle(Context ctx) {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        List<Section> sections = newsroom.sections();
        ArticleForm form = ArticleForm.empty(sections.isEmpty() ? "" : sections.getFirst().slug());
        pages.render(ctx, 200, "admin/edit.jte", blank(ctx, me, null, form).build());
    }

    private void create(Context ctx) {
        String action = action(ctx);
        Editor me = pages.staff(ctx, minimumRole(action));
        ArticleForm form = ArticleForm.read(ctx);
        if (action.equals("preview")) {
            pages.render(ctx, 200, "admin/edit.jte", blank(ctx, me, null, form).preview(markdown.toHtml(form.body())).build());
            return;
        }
        long id;
        try {
            Instant at = action.equals("schedule") ? times.parseInput("publishAt", form.publishAt()) : null;
            String requirement = form.requirement();
            id = newsroom.create(form.toDraft(), me.id());
            form = form.withBase(1);
            if (requirement != null) {
                newsroom.requireForArticle(id, requirement);
            }
            act(action, id, at, me);
        } catch (WebError e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            pages.render(ctx, e.status(), "admin/edit.jte", blank(ctx, me, null, form).error(e).build());
            return;
        }
        Pages.seeOther(ctx, "/admin/articles/" + id + "?done=" + done(action, "created"));
    }

    private void edit(Context ctx) {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        long id = Pages.id(ctx, "id");
        Article article = newsroom.article(id);
        EditLock lock = newsroom.lock(id, me.id(), false);
        EditPageBuilder page = existing(ctx, me, article, formOf(article)).lock(lock, me);
        String done = ctx.queryParam("done");
        if (done != null && NOTICES.containsKey(done)) {
            page.notice(NOTICES.get(done));
        }
        pages.render(ctx, 200, "admin/edit.jte", page.build());
    }

    private void submit(Context ctx) {
        String action = action(ctx);
        Editor me = pages.staff(ctx, minimumRole(action));
        long id = Pages.id(ctx, "id");
        Article article = newsroom.article(id);
        ArticleForm form = ArticleForm.read(ctx);
        if (action.equals("preview")) {
            pages.render(ctx, 200, "admin/edit.jte", existing(ctx, me, article, form)
                    .lock(newsroom.lock(id, me.id(), false), me).preview(markdown.toHtml(form.body())).build());
            return;
        }
        try {
            Instant at = action.equals("schedule") ? times.parseInput("publishAt", form.publishAt()) : null;
            ArticleDraft draft = form.toDraft();
            String requirement = form.requirement();
            if (!draft.equals(formOf(article).toDraft())) {
                form = form.withBase(newsroom.save(id, form.baseRevision(), draft, me.id()));
            }
            if (!java.util.Objects.equals(requirement, newsroom.ownRequirement(id))) {
                newsroom.requireForArticle(id, requirement);
            }
            act(action, id, at, me);
        } catch (WebError e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            Article now = newsroom.article(id);
            EditPageBuilder page = existing(ctx, me, now, form).error(e);
            if (e.status() == 409 && now.current().number() != form.baseRevision() && form.baseRevision() > 0) {
                page.conflictDiff("/admin/articles/" + id + "/diff?from=" + form.baseRevision() + "&to=" + now.current().number());
            }
            if (now.lock() != null && now.lock().staffId() != me.id()) {
                page.lock(now.lock(), me);
            }
            pages.render(ctx, e.status(), "admin/edit.jte", page.build());
            return;
        }
        Pages.seeOther(ctx, "/admin/articles/" + id + "?done=" + done(action, "saved"));
    }

    private void act(String action, long id, Instant at, Editor me) {
        switch (action) {
            case "publish" -> newsroom.publish(id, me.id());
            case "schedule" -> newsroom.schedule(id, at);
            case "unpublish" -> newsroom.unpublish(id);
            default -> {
                // saved above; nothing more to do
            }
        }
    }

    private void correct(Context ctx) {
        Editor me = pages.staff(ctx, EDITOR);
        long id = Pages.id(ctx, "id");
        newsroom.addCorrection(id, ctx.formParam("correction"), me.id());
        Pages.seeOther(ctx, "/admin/articles/" + id + "?done=corrected");
    }

    /** Sanitized HTML of the posted Markdown, for the live preview beside the editor. */
    private void preview(Context ctx) {
        pages.staff(ctx, CONTRIBUTOR);
        String body = ctx.formParam("body");
        if (body != null && body.length() > 200_000) {
            throw WebError.tooLarge("body", "The body is too long to preview (at most 200,000 characters).");
        }
        ctx.header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(markdown.toHtml(body));
    }

    private static String action(Context ctx) {
        String action = ctx.formParam("action");
        if (action == null || action.isBlank()) {
            return "save";
        }
        return switch (action) {
            case "save", "publish", "schedule", "unpublish", "preview" -> action;
            default -> throw WebError.badRequest("action", "Unknown action.");
        };
    }

    private static String minimumRole(String action) {
        return switch (action) {
            case "publish", "schedule", "unpublish" -> EDITOR;
            default -> CONTRIBUTOR;
        };
    }

    private static String done(String action, String saved) {
        return switch (action) {
            case "publish" -> "published";
            case "schedule" -> "scheduled";
            case "unpublish" -> "unpublished";
            default -> saved;
        };
    }

    private ArticleForm formOf(Article article) {
        Map<Long, String> tagNames = newsroom.tags().stream().collect(Collectors.toMap(Tag::id, Tag::name));
        String sectionSlug = newsroom.sections().stream().filter(s -> s.id() == article.current().sectionId())
                .map(Section::slug).findFirst().orElse("");
        return ArticleForm.of(article.current(), sectionSlug, tagNames, times.input(article.publishAt()),
                newsroom.ownRequirement(article.id()));
    }

    static String label(ArticleStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
            case UNPUBLISHED -> "Unpublished";
        };
    }

    private EditPageBuilder blank(Context ctx, Editor me, Article article, ArticleForm form) {
        return new EditPageBuilder(pages.chrome(ctx, me, article == null ? "New article" : article.current().headline()),
                me.atLeast(EDITOR), form, newsroom.sections(), newsroom.authors(), times.zoneName());
    }

    private EditPageBuilder existing(Context ctx, Editor me, Article article, ArticleForm form) {
        EditPageBuilder page = blank(ctx, me, article, form);
        page.article(article, baseUrl.get() + article.path(),
                article.status() == ArticleStatus.SCHEDULED ? times.display(article.publishAt()) : "",
                article.status() == ArticleStatus.PUBLISHED ? newsroom.live(article.id()).map(LiveArticle::corrections).orElse(List.of()) : List.of());
        return page;
    }

    /** Collects what the editor page shows; the handlers above set only what applies. */
    private final class EditPageBuilder {
        private final Views.Chrome chrome;
        private final boolean canPublish;
        private final ArticleForm form;
        private final List<Section> sections;
        private final List<news.masthead.newsroom.Author> authors;
        private final String zone;
        private Article article;
        private String publicUrl = "";
        private String scheduledFor = "";
        private List<Correction> corrections = List.of();
        private String error;
        private String errorField;
        private String notice;
        private String lockedBy;
        private String lockedUntil;
        private String previewHtml;
        private String conflictDiff;

        EditPageBuilder(Views.Chrome chrome, boolean canPublish, ArticleForm form, List<Section> sections,
                        List<news.masthead.newsroom.Author> authors, String zone) {
            this.chrome = chrome;
            this.canPublish = canPublish;
            this.form = form;
            this.sections = sections;
            this.authors = authors;
            this.zone = zone;
        }

        void article(Article a, String url, String scheduled, List<Correction> list) {
            this.article = a;
            this.publicUrl = url;
            this.scheduledFor = scheduled;
            this.corrections = list;
        }

        EditPageBuilder lock(EditLock lock, Editor me) {
            if (lock != null && lock.staffId() != me.id()) {
                lockedBy = lock.staffName();
                lockedUntil = times.clock(lock.expiresAt());
            }
            return this;
        }

        EditPageBuilder error(WebError e) {
            error = e.getMessage();
            errorField = e.field();
            return this;
        }

        void notice(String text) {
            notice = text;
        }

        EditPageBuilder preview(String html) {
            previewHtml = html;
            return this;
        }

        void conflictDiff(String url) {
            conflictDiff = url;
        }

        Views.EditPage build() {
            return new Views.EditPage(chrome, article == null ? null : article.id(),
                    article == null ? "New" : label(article.status()), publicUrl, scheduledFor, form, sections, authors,
                    canPublish, error, errorField, notice, lockedBy, lockedUntil, previewHtml, conflictDiff, corrections, zone);
        }
    }
}
