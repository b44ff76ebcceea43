package news.masthead.partners;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * The back office's partner pages: {@code /admin/partners} lists partners with their feed's health and adds
 * one (admins); {@code /admin/partners/{id}} edits one, polls its feed now (editors) and lists its articles.
 */
final class PartnerPages {
    private final Partners partners;
    private final Web web;
    private final BiFunction<Context, String, String> requireStaff;

    PartnerPages(Partners partners, Web web, BiFunction<Context, String, String> requireStaff) {
        this.partners = partners;
        this.web = web;
        this.requireStaff = requireStaff;
    }

    void routes(RoutesConfig routes) {
        routes.get("/admin/partners", ctx -> list(ctx, PartnerViews.Form.blank(), null, 200));
        routes.post("/admin/partners", this::add);
        routes.get("/admin/partners/{id}", ctx -> show(ctx, id(ctx), null, null, 200));
        routes.post("/admin/partners/{id}", this::edit);
        routes.post("/admin/partners/{id}/poll", this::poll);
    }

    private void list(Context ctx, PartnerViews.Form form, WebError error, int status) {
        PartnerViews.Chrome chrome = chrome(ctx, "Partners");
        render(ctx, status, "partners/list.jte", new PartnerViews.ListPage(chrome, partners.partners(), form, partners.sectionSlugs(),
                error == null ? null : error.getMessage(), error == null ? null : error.field()));
    }

    private void add(Context ctx) {
        requireStaff.apply(ctx, "admin");
        PartnerViews.Form form = form(ctx);
        Partner created;
        try {
            created = partners.create(draft(form));
        } catch (WebError e) {
            if (e.status() != 400) {
                throw e;
            }
            list(ctx, form, e, 400);
            return;
        }
        ctx.redirect("/admin/partners/" + created.id(), HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, long id, PartnerViews.Form typed, WebError error, int status) {
        PartnerViews.Chrome chrome = chrome(ctx, "Partner");
        Partner p = partners.partner(id);
        render(ctx, status, "partners/partner.jte", new PartnerViews.PartnerPage(new PartnerViews.Chrome(p.name(), chrome.staffName(),
                chrome.csrf()), p, typed != null ? typed : PartnerViews.Form.of(p), partners.sectionSlugs(), partners.articles(id, 100),
                error == null ? null : error.getMessage(), error == null ? null : error.field(), ctx.queryParam("notice")));
    }

    private void edit(Context ctx) {
        requireStaff.apply(ctx, "admin");
        long id = id(ctx);
        PartnerViews.Form form = form(ctx);
        try {
            partners.update(id, draft(form));
        } catch (WebError e) {
            if (e.status() != 400) {
                throw e;
            }
            show(ctx, id, form, e, 400);
            return;
        }
        ctx.redirect("/admin/partners/" + id + "?notice=Saved.", HttpStatus.SEE_OTHER);
    }

    private void poll(Context ctx) {
        requireStaff.apply(ctx, "editor");
        long id = id(ctx);
        String report = partners.pollNow(id);
        ctx.redirect("/admin/partners/" + id + "?notice=" + URLEncoder.encode("Polled: " + report, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private static PartnerDraft draft(PartnerViews.Form f) {
        Long logo = null;
        if (!f.logoPhotoId().isBlank()) {
            if (!f.logoPhotoId().matches("[0-9]{1,15}")) {
                throw WebError.badRequest("logoPhotoId", "The logo must be a photo number from the photo library.");
            }
            logo = Long.parseLong(f.logoPhotoId());
        }
        return new PartnerDraft(f.slug(), f.name(), f.siteUrl(), logo, f.licence(), f.section(), f.feedUrl(), f.feedInternal());
    }

    private static PartnerViews.Form form(Context ctx) {
        return new PartnerViews.Form(text(ctx, "slug"), text(ctx, "name"), text(ctx, "siteUrl"), text(ctx, "logoPhotoId"),
                text(ctx, "licence"), text(ctx, "section"), text(ctx, "feedUrl"), ctx.formParam("feedInternal") != null);
    }

    private PartnerViews.Chrome chrome(Context ctx, String title) {
        return new PartnerViews.Chrome(title, requireStaff.apply(ctx, "editor"), web.csrf().token(ctx));
    }

    private void render(Context ctx, int status, String template, Object model) {
        web.page(ctx, status, template, model);
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (raw.matches("[0-9]{1,15}") && Long.parseLong(raw) > 0) {
            return Long.parseLong(raw);
        }
        throw Partners.noPartner();
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
