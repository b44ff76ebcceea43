package news.masthead.consent;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The publisher's side ({@code /admin/consent}, admins only): declarations, the policy text, the log export. */
final class ConsentAdminPages {
    private final Consent consent;
    private final ConsentRows rows;
    private final Web web;
    private final Function<Context, String> requireAdmin;

    ConsentAdminPages(Consent consent, ConsentRows rows, Web web, Function<Context, String> requireAdmin) {
        this.consent = consent;
        this.rows = rows;
        this.web = web;
        this.requireAdmin = requireAdmin;
    }

    void routes(RoutesConfig routes) {
        routes.get("/admin/consent", this::page);
        routes.post("/admin/consent/declarations", this::declare);
        routes.post("/admin/consent/declarations/{id}/delete", this::withdraw);
        routes.post("/admin/consent/policy", this::savePolicy);
        routes.get("/admin/consent/log.csv", this::exportLog);
    }

    private void page(Context ctx) {
        String admin = requireAdmin.apply(ctx);
        var policy = rows.policy();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("admin", admin);
        model.put("csrf", web.csrf().token(ctx));
        model.put("version", policy.version());
        model.put("policy", policy.body());
        model.put("declarations", rows.declarations());
        web.page(ctx, "consent/admin.jte", model);
    }

    private void declare(Context ctx) {
        requireAdmin.apply(ctx);
        Declaration.Kind kind = "script".equals(ctx.formParam("kind")) ? Declaration.Kind.SCRIPT : Declaration.Kind.COOKIE;
        String name = text(ctx.formParam("name"), "name", 500);
        Category category = Category.parse(ctx.formParam("category")).orElseThrow(() ->
                WebError.badRequest("category", "Choose necessary, preferences, analytics or advertising."));
        String purpose = text(ctx.formParam("purpose"), "purpose", 1000);
        if (kind == Declaration.Kind.SCRIPT && !firstPartyPath(name)) {
            throw WebError.badRequest("name", "A script must be a path on this site, such as /assets/analytics.js.");
        }
        if (kind == Declaration.Kind.COOKIE && !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw WebError.badRequest("name", "A cookie name is letters, digits and - _ . only.");
        }
        if (kind == Declaration.Kind.COOKIE && SetCookieFilter.ownCookie(name)) {
            throw WebError.badRequest("name", "Cookies starting mh_ are Masthead's own and always necessary.");
        }
        if (!rows.declare(kind, name, ctx.formParam("prefix") != null, category, purpose, consent.clock().instant())) {
            throw WebError.conflict("That " + kind.name().toLowerCase(java.util.Locale.ROOT) + " is already declared.");
        }
        consent.changed();
        ctx.redirect("/admin/consent", HttpStatus.SEE_OTHER);
    }

    private void withdraw(Context ctx) {
        requireAdmin.apply(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw WebError.notFound();
        }
        rows.withdraw(id, consent.clock().instant());
        consent.changed();
        ctx.redirect("/admin/consent", HttpStatus.SEE_OTHER);
    }

    private void savePolicy(Context ctx) {
        requireAdmin.apply(ctx);
        rows.savePolicy(text(ctx.formParam("policy"), "policy", 100_000), consent.clock().instant());
        consent.changed();
        ctx.redirect("/admin/consent", HttpStatus.SEE_OTHER);
    }

    private void exportLog(Context ctx) {
        requireAdmin.apply(ctx);
        ctx.header("Cache-Control", "no-store").contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"consent-log.csv\"");
        try (var out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            LogCsv csv = new LogCsv(out);
            csv.header();
            rows.eachLogEntry(csv::row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean firstPartyPath(String url) {
        return url.startsWith("/") && !url.startsWith("//") && !url.contains("\\") && !url.contains(":")
                && url.chars().noneMatch(c -> c <= 0x20 || c == 0x7f);
    }

    private static String text(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw WebError.badRequest(field, "The " + field + " is too long (at most " + max + " characters).");
        }
        if (v.isEmpty() && !field.equals("purpose")) {
            throw WebError.badRequest(field, "The " + field + " is missing.");
        }
        return v;
    }
}
