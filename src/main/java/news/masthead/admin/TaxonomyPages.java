package news.masthead.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.Author;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Section;
import news.masthead.platform.web.WebError;
import news.masthead.site.Gate;

import static news.masthead.admin.Editor.CONTRIBUTOR;
import static news.masthead.admin.Editor.EDITOR;

/** The paper's structure: sections and authors (listed for everyone, changed by editors) and tags (listed). */
final class TaxonomyPages {
    private final Newsroom newsroom;
    private final Pages pages;

    TaxonomyPages(Newsroom newsroom, Pages pages) {
        this.newsroom = newsroom;
        this.pages = pages;
    }

    void routes(RoutesConfig routes) {
        routes.get("/admin/sections", ctx -> sections(ctx, blankSection(), null, 200));
        routes.get("/admin/sections/{id}", ctx -> sections(ctx, sectionForm(section(Pages.id(ctx, "id"))), null, 200));
        routes.post("/admin/sections", ctx -> saveSection(ctx, null));
        routes.post("/admin/sections/{id}", ctx -> saveSection(ctx, section(Pages.id(ctx, "id")).id()));
        routes.get("/admin/authors", ctx -> authors(ctx, blankAuthor(), null, 200));
        routes.get("/admin/authors/{id}", ctx -> authors(ctx, authorForm(author(Pages.id(ctx, "id"))), null, 200));
        routes.post("/admin/authors", ctx -> saveAuthor(ctx, null));
        routes.post("/admin/authors/{id}", ctx -> saveAuthor(ctx, author(Pages.id(ctx, "id")).id()));
        routes.get("/admin/tags", this::tags);
    }

    private void sections(Context ctx, Views.SectionForm form, WebError error, int status) {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        pages.render(ctx, status, "admin/sections.jte", new Views.SectionsPage(pages.chrome(ctx, me, "Sections"),
                newsroom.sections(), form, me.atLeast(EDITOR), error == null ? null : error.getMessage(),
                error == null ? null : error.field(), newsroom.sectionRequirements()));
    }

    private void saveSection(Context ctx, Long id) {
        pages.staff(ctx, EDITOR);
        Views.SectionForm form = new Views.SectionForm(id, text(ctx, "slug"), text(ctx, "name"), text(ctx, "description"),
                text(ctx, "position"), text(ctx, "requires"));
        try {
            String requirement = Gate.checkRequirement("requires", form.requires());
            Section saved = newsroom.saveSection(id, form.slug(), form.name(), form.description(), position(form.position()));
            newsroom.requireForSection(saved.id(), requirement);
        } catch (WebError e) {
            if (e.status() != 400) {
                throw e;
            }
            sections(ctx, form, e, 400);
            return;
        }
        Pages.seeOther(ctx, "/admin/sections");
    }

    private Section section(long id) {
        return newsroom.sections().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> WebError.notFound("There is no such section."));
    }

    private static Views.SectionForm blankSection() {
        return new Views.SectionForm(null, "", "", "", "0", "");
    }

    private Views.SectionForm sectionForm(Section s) {
        return new Views.SectionForm(s.id(), s.slug(), s.name(), s.description(), Integer.toString(s.position()),
                newsroom.sectionRequirements().getOrDefault(s.id(), ""));
    }

    private static int position(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw WebError.badRequest("position", "The position is a whole number (lower comes first).");
        }
    }

    private void authors(Context ctx, Views.AuthorForm form, WebError error, int status) {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        pages.render(ctx, status, "admin/authors.jte", new Views.AuthorsPage(pages.chrome(ctx, me, "Authors"),
                newsroom.authors(), form, me.atLeast(EDITOR), error == null ? null : error.getMessage(),
                error == null ? null : error.field()));
    }

    private void saveAuthor(Context ctx, Long id) {
        pages.staff(ctx, EDITOR);
        Views.AuthorForm form = new Views.AuthorForm(id, text(ctx, "slug"), text(ctx, "name"), text(ctx, "bio"),
                text(ctx, "photoId"));
        try {
            newsroom.saveAuthor(id, form.slug(), form.name(), form.bio(), photo(form.photoId()));
        } catch (WebError e) {
            if (e.status() != 400) {
                throw e;
            }
            authors(ctx, form, e, 400);
            return;
        }
        Pages.seeOther(ctx, "/admin/authors");
    }

    private Author author(long id) {
        return newsroom.authors().stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> WebError.notFound("There is no such author."));
    }

    private static Views.AuthorForm blankAuthor() {
        return new Views.AuthorForm(null, "", "", "", "");
    }

    private static Views.AuthorForm authorForm(Author a) {
        return new Views.AuthorForm(a.id(), a.slug(), a.name(), a.bio(), a.photoId() == null ? "" : a.photoId().toString());
    }

    private static Long photo(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw WebError.badRequest("photoId", "The photo is a photo number from the library.");
        }
    }

    private void tags(Context ctx) {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        pages.render(ctx, 200, "admin/tags.jte", new Views.TagsPage(pages.chrome(ctx, me, "Tags"), newsroom.tags()));
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }
}
