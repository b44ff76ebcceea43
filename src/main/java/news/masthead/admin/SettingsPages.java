package news.masthead.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.platform.web.WebError;
import news.masthead.site.Site;
import news.masthead.site.SiteSettings;

import java.util.Set;
import java.util.TreeSet;
import java.time.ZoneId;

import static news.masthead.admin.Editor.ADMIN;

/** The site settings screen (admins only): name, tagline, logo, language, time zone, footer. */
final class SettingsPages {
    private static final Set<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());
    private final Site site;
    private final Pages pages;

    SettingsPages(Site site, Pages pages) {
        this.site = site;
        this.pages = pages;
    }

    void routes(RoutesConfig routes) {
        routes.get("/admin/settings", ctx -> show(ctx, Views.SettingsForm.of(site.settings()), null, false, 200));
        routes.post("/admin/settings", this::save);
    }

    private void show(Context ctx, Views.SettingsForm form, WebError error, boolean saved, int status) {
        Editor me = pages.staff(ctx, ADMIN);
        pages.render(ctx, status, "admin/settings.jte", new Views.SettingsPage(pages.chrome(ctx, me, "Site settings"),
                form, ZONES, saved, error == null ? null : error.getMessage(), error == null ? null : error.field()));
    }

    private void save(Context ctx) {
        pages.staff(ctx, ADMIN);
        Views.SettingsForm form = new Views.SettingsForm(text(ctx, "name"), text(ctx, "tagline"), text(ctx, "logoPhotoId"),
                text(ctx, "language"), text(ctx, "timeZone"), text(ctx, "footerText"));
        try {
            site.updateSettings(new SiteSettings(form.name(), form.tagline(), logo(form.logoPhotoId()), form.language(),
                    form.timeZone(), form.footerText()));
        } catch (WebError e) {
            if (e.status() != 400) {
                throw e;
            }
            show(ctx, form, e, false, 400);
            return;
        }
        show(ctx, Views.SettingsForm.of(site.settings()), null, true, 200);
    }

    private static Long logo(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw WebError.badRequest("logoPhotoId", "The logo is a photo number from the library.");
        }
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }
}
