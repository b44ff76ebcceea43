package news.masthead.ads;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The routes, thin: the public {@code GET /ads/fill} and {@code GET /ads/c/{id}}, and the admin
 * under {@code /admin/ads} rendering {@code src/main/jte/ads/*}.
 */
final class AdPages {
    private final Ads ads;
    private final Web web;
    private final Function<Context, Set<String>> entitlements;
    private final Function<Context, String> requireStaff;

    AdPages(Ads ads, Web web, Function<Context, Set<String>> entitlements, Function<Context, String> requireStaff) {
        this.ads = ads;
        this.web = web;
        this.entitlements = entitlements;
        this.requireStaff = requireStaff;
    }

    void routes(RoutesConfig routes) {
        routes.get("/ads/fill", this::fill);
        routes.get("/ads/c/{id}", this::click);
        routes.get("/admin/ads", this::adminPage);
        routes.post("/admin/ads", this::create);
        routes.get("/admin/ads/{id}", this::editPage);
        routes.post("/admin/ads/settings", this::saveSettings);
        routes.post("/admin/ads/{id}", this::update);
        routes.post("/admin/ads/{id}/delete", this::delete);
    }

    /**
     * {@code GET /ads/fill?slots=top,sidebar}: the creative for each slot for this reader, counted as
     * shown. Per reader (entitlements), so never cached anywhere.
     */
    private void fill(Context ctx) throws Exception {
        Set<Slot> slots = Ads.slots(ctx.queryParam("slots"));
        List<Ads.Fill> fills = slots.isEmpty() ? List.of() : ads.fill(slots, entitlements.apply(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inArticleAfter", ads.settings().inArticleAfter());
        body.put("slots", fills);
        ctx.header("Cache-Control", "private, no-store").header("Vary", "Cookie")
                .contentType("application/json").result(web.json().writeValueAsBytes(body));
    }

    /** {@code GET /ads/c/{id}}: counts the click and sends the reader to the creative's stored link, and only there. */
    private void click(Context ctx) {
        String url = ads.click(id(ctx.pathParam("id")));
        ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "origin").redirect(url, HttpStatus.FOUND);
    }

    private void adminPage(Context ctx) {
        String staff = requireStaff.apply(ctx);
        Map<String, Object> params = params(ctx, staff);
        params.put("notice", switch (ctx.queryParam("done") == null ? "" : ctx.queryParam("done")) {
            case "created" -> "The ad is saved.";
            case "saved" -> "The ad is saved.";
            case "deleted" -> "The ad is deleted.";
            case "settings" -> "The settings are saved.";
            default -> null;
        });
        params.put("counts", AdminView.of(ads.creatives(), ads.counts(), ads.now()));
        params.put("settings", ads.settings());
        render(ctx, "ads/admin.jte", params);
    }

    private void editPage(Context ctx) {
        String staff = requireStaff.apply(ctx);
        Creative creative = ads.creative(id(ctx.pathParam("id"))).orElseThrow(() -> WebError.notFound("There is no such ad."));
        Map<String, Object> params = params(ctx, staff);
        params.put("creative", creative);
        params.put("counts", AdminView.of(List.of(creative), ads.counts(), ads.now()).getFirst());
        render(ctx, "ads/edit.jte", params);
    }

    private void create(Context ctx) {
        requireStaff.apply(ctx);
        CreativeDraft draft = draft(ctx);
        UploadedFile file = ctx.uploadedFile("image");
        ads.create(draft, file == null ? "ad" : file.filename(), bytes(file));
        back(ctx, "created");
    }

    private void update(Context ctx) {
        requireStaff.apply(ctx);
        long id = id(ctx.pathParam("id"));
        CreativeDraft draft = draft(ctx);
        UploadedFile file = ctx.uploadedFile("image");
        ads.update(id, draft, file == null ? "ad" : file.filename(), bytes(file));
        back(ctx, "saved");
    }

    private void delete(Context ctx) {
        requireStaff.apply(ctx);
        ads.delete(id(ctx.pathParam("id")));
        back(ctx, "deleted");
    }

    private void saveSettings(Context ctx) {
        requireStaff.apply(ctx);
        String raw = ctx.formParam("inArticleAfter") == null ? "" : ctx.formParam("inArticleAfter").strip();
        if (!raw.matches("[0-9]{1,2}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > 50) {
            throw WebError.badRequest("inArticleAfter", "The in-article ad goes after a paragraph from 1 to 50.");
        }
        ads.saveSettings(new AdSettings(AdSettings.AdLight.parse(ctx.formParam("adLight")), Integer.parseInt(raw)));
        back(ctx, "settings");
    }

    private static CreativeDraft draft(Context ctx) {
        return CreativeDraft.parse(ctx.formParam("name"), ctx.formParam("linkUrl"), ctx.formParam("altText"), ctx.formParam("slot"),
                ctx.formParam("weight"), ctx.formParam("startsAt"), ctx.formParam("endsAt"), ctx.formParam("active"), ctx.formParam("house"));
    }

    private static byte[] bytes(UploadedFile file) {
        if (file == null || file.size() == 0) {
            return null;
        }
        if (file.size() > Ads.MAX_IMAGE_BYTES) {
            throw WebError.tooLarge("image", "The image is larger than 2 MB: ads should be light. Export it smaller.");
        }
        try (InputStream in = file.content()) {
            return in.readNBytes(Ads.MAX_IMAGE_BYTES + 1);
        } catch (IOException e) {
            throw WebError.badRequest("image", "The upload was interrupted. Try again.");
        }
    }

    private static long id(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}") || Long.parseLong(raw) < 1) {
            throw WebError.notFound("There is no such ad.");
        }
        return Long.parseLong(raw);
    }

    private Map<String, Object> params(Context ctx, String staff) {
        Map<String, Object> params = new HashMap<>();
        params.put("staffName", staff);
        params.put("csrf", web.csrf().token(ctx));
        params.put("slots", List.of(Slot.values()));
        return params;
    }

    private static void back(Context ctx, String done) {
        ctx.header("Cache-Control", "no-store").redirect("/admin/ads?done=" + done, HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String template, Map<String, Object> params) {
        web.page(ctx, template, params);
    }
}
