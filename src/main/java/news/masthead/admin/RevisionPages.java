package news.masthead.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.Article;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Revision;
import news.masthead.newsroom.RevisionDiff;
import news.masthead.newsroom.Section;
import news.masthead.newsroom.Tag;
import news.masthead.platform.web.WebError;

import java.util.List;
import java.util.stream.Collectors;

import static news.masthead.admin.Editor.CONTRIBUTOR;
import static news.masthead.admin.Editor.EDITOR;

/** An article's history: the list of revisions, the difference between any two, and restoring an old one. */
final class RevisionPages {
    private final Newsroom newsroom;
    private final Pages pages;
    private final Times times;

    RevisionPages(Newsroom newsroom, Pages pages, Times times) {
        this.newsroom = newsroom;
        this.pages = pages;
        this.times = times;
    }

    void routes(RoutesConfig routes) {
        routes.get("/admin/articles/{id}/revisions", this::list);
        routes.get("/admin/articles/{id}/diff", this::diff);
        routes.post("/admin/articles/{id}/revisions/{number}/restore", this::restore);
    }

    private void list(Context ctx) {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        Article article = newsroom.article(Pages.id(ctx, "id"));
        List<Views.RevisionRow> rows = newsroom.revisions(article.id()).stream()
                .map(r -> new Views.RevisionRow(r.number(), r.createdByName() == null ? "API" : r.createdByName(),
                        times.display(r.createdAt()), r.headline()))
                .toList();
        pages.render(ctx, 200, "admin/revisions.jte", new Views.RevisionsPage(
                pages.chrome(ctx, me, "Revisions: " + article.current().headline()), article.id(),
                article.current().headline(), article.current().number(), article.publishedRevisionNumber(), rows,
                me.atLeast(EDITOR)));
    }

    private void diff(Context ctx) {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        Article article = newsroom.article(Pages.id(ctx, "id"));
        int current = article.current().number();
        int from = Pages.intQuery(ctx, "from", Math.max(1, current - 1), 1, current);
        int to = Pages.intQuery(ctx, "to", current, 1, current);
        Revision before = newsroom.revision(article.id(), from);
        Revision after = newsroom.revision(article.id(), to);
        RevisionDiff.Labels labels = new RevisionDiff.Labels(
                newsroom.sections().stream().collect(Collectors.toMap(Section::id, Section::name)),
                newsroom.authors().stream().collect(Collectors.toMap(Author::id, Author::name)),
                newsroom.tags().stream().collect(Collectors.toMap(Tag::id, Tag::name)));
        List<Integer> numbers = newsroom.revisions(article.id()).stream().map(Revision::number).toList();
        pages.render(ctx, 200, "admin/diff.jte", new Views.DiffPage(
                pages.chrome(ctx, me, "Changes: " + article.current().headline()), article.id(),
                article.current().headline(), RevisionDiff.between(before, after, labels), numbers));
    }

    private void restore(Context ctx) {
        Editor me = pages.staff(ctx, EDITOR);
        long id = Pages.id(ctx, "id");
        long number = Pages.id(ctx, "number");
        String base = ctx.formParam("baseRevision");
        if (base == null || !base.strip().matches("\\d{1,9}") || number > Integer.MAX_VALUE) {
            throw WebError.badRequest("baseRevision", "Reload the revisions page and try again.");
        }
        newsroom.restore(id, (int) number, Integer.parseInt(base.strip()), me.id());
        Pages.seeOther(ctx, "/admin/articles/" + id + "?done=restored");
    }
}
