package news.masthead.privacy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import news.masthead.accounts.Accounts;
import news.masthead.accounts.Reader;
import news.masthead.platform.audit.StaffAction;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.PageMeta;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The routes: the reader's download and delete pages under {@code /account/}, and the admins' audit
 * log, privacy settings and reader look-up under {@code /admin/}. Thin; never cached.
 */
final class PrivacyPages {
    private final Privacy privacy;
    private final Web web;
    private final Accounts accounts;
    private final Supplier<PageMeta.SiteFrame> frame;
    private final Function<Context, String> requireAdmin;

    PrivacyPages(Privacy privacy, Web web, Accounts accounts, Supplier<PageMeta.SiteFrame> frame,
                 Function<Context, String> requireAdmin) {
        this.privacy = privacy;
        this.web = web;
        this.accounts = accounts;
        this.frame = frame;
        this.requireAdmin = requireAdmin;
    }

    void routes(RoutesConfig routes) {
        routes.get("/account/data", this::download);
        routes.get("/account/delete", this::deletePage);
        routes.post("/account/delete", this::delete);
        routes.get("/account/deleted", this::deletedPage);
        routes.get("/admin/audit", this::auditPage);
        routes.get("/admin/privacy", this::adminPage);
        routes.post("/admin/privacy/settings", this::saveSettings);
        routes.get("/admin/privacy/readers/{id}/data", this::staffDownload);
        routes.post("/admin/privacy/readers/{id}/delete", this::staffDelete);
    }

    // ---- the reader's own

    /** The signed-in reader's data, always their own: no id is taken from the request. */
    private void download(Context ctx) throws Exception {
        Reader reader = accounts.requireReader(ctx);
        sendJson(ctx, privacy.exportFor(reader, ctx), "my-data");
    }

    private void deletePage(Context ctx) {
        Reader reader = accounts.requireReader(ctx);
        renderDelete(ctx, 200, reader, "", null);
    }

    /**
     * Erases the signed-in reader's account once they typed their email address. A typed address,
     * not a fresh sign-in link: the session was itself opened with a link to that address; what an
     * intruder on an unlocked device could do is destroy the account, not take it over, and the
     * goodbye mail tells the owner at once.
     */
    private void delete(Context ctx) {
        Reader reader = accounts.requireReader(ctx);
        String typed = ctx.formParam("confirmEmail");
        typed = typed == null ? "" : typed.strip();
        if (!typed.equalsIgnoreCase(reader.email())) {
            renderDelete(ctx, 400, reader, typed.length() > 254 ? typed.substring(0, 254) : typed,
                    typed.isEmpty() ? "Type your email address to confirm." : "That is not your account's email address.");
            return;
        }
        privacy.erase(reader.id(), "reader");
        accounts.forgetReaderCookie(ctx);
        ctx.header("Cache-Control", "no-store").redirect("/account/deleted", HttpStatus.SEE_OTHER);
    }

    private void deletedPage(Context ctx) {
        render(ctx, 200, "privacy/deleted.jte", "Account deleted", Map.of());
    }

    private void renderDelete(Context ctx, int status, Reader reader, String typed, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", web.csrf().token(ctx));
        params.put("reader", reader);
        params.put("typed", typed);
        params.put("error", error);
        params.put("removes", privacy.settings().commentErasure() == news.masthead.comments.Comments.Erasure.REMOVE);
        render(ctx, status, "privacy/delete.jte", "Delete your account", params);
    }

    private void render(Context ctx, int status, String template, String title, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("meta", new PageMeta(title, null, null, "website", null, null, List.of(), frame.get(), true));
        web.page(ctx, status, template, all);
    }

    // ---- admins

    private void auditPage(Context ctx) {
        String admin = requireAdmin.apply(ctx);
        Long reader = optionalId(ctx.queryParam("reader"), "reader");
        Map<String, Object> params = new HashMap<>();
        params.put("staffName", admin);
        params.put("csrf", web.csrf().token(ctx));
        params.put("reader", reader);
        params.put("entries", privacy.auditLog(reader, 500));
        renderAdmin(ctx, 200, "privacy/audit.jte", params);
    }

    private void adminPage(Context ctx) {
        String admin = requireAdmin.apply(ctx);
        String email = ctx.queryParam("email");
        Map<String, Object> params = new HashMap<>();
        params.put("staffName", admin);
        params.put("csrf", web.csrf().token(ctx));
        params.put("settings", privacy.settings());
        params.put("email", email == null ? "" : email.strip());
        params.put("found", email == null || email.isBlank() ? null : accounts.readerByEmail(email).orElse(null));
        params.put("saved", ctx.queryParam("saved") != null);
        params.put("deleted", optionalId(ctx.queryParam("deleted"), "deleted"));
        renderAdmin(ctx, 200, "privacy/admin.jte", params);
    }

    private void saveSettings(Context ctx) {
        String admin = requireAdmin.apply(ctx);
        privacy.saveSettings(PrivacySettings.parse(ctx.formParam("commentErasure"), ctx.formParam("keepSignInLinksDays"),
                ctx.formParam("keepLoginAttemptsDays"), ctx.formParam("keepSentMailDays")), admin);
        ctx.redirect("/admin/privacy?saved", HttpStatus.SEE_OTHER);
    }

    private void staffDownload(Context ctx) throws Exception {
        String admin = requireAdmin.apply(ctx);
        Reader reader = liveReader(ctx);
        sendJson(ctx, privacy.exportForStaff(reader, admin), "reader-" + reader.id());
    }

    private void staffDelete(Context ctx) {
        String admin = requireAdmin.apply(ctx);
        Reader reader = liveReader(ctx);
        String typed = ctx.formParam("confirmEmail");
        if (typed == null || !typed.strip().equalsIgnoreCase(reader.email())) {
            throw WebError.badRequest("confirmEmail", "Type the reader's email address to confirm the deletion.");
        }
        if (!privacy.erase(reader.id(), StaffAction.staff(admin))) {
            throw WebError.conflict("This reader's account was already deleted.");
        }
        ctx.redirect("/admin/privacy?deleted=" + reader.id(), HttpStatus.SEE_OTHER);
    }

    private Reader liveReader(Context ctx) {
        Long id = optionalId(ctx.pathParam("id"), "id");
        return accounts.reader(id == null ? -1 : id)
                .orElseThrow(() -> WebError.notFound("There is no reader " + id + ", or their account was deleted."));
    }

    private void renderAdmin(Context ctx, int status, String template, Map<String, Object> params) {
        web.page(ctx, status, template, params);
    }

    private void sendJson(Context ctx, Map<String, Object> data, String name) throws Exception {
        String day = privacy.clock().instant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        ctx.header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + day + ".json\"")
                .contentType("application/json; charset=utf-8")
                .result(web.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(data));
    }

    private static Long optionalId(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (!s.matches("[0-9]{1,18}")) {
            throw WebError.badRequest(field, "A reader number is digits only.");
        }
        return Long.parseLong(s);
    }
}
