package news.masthead.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The back-office pages of the photo library: the grid, the upload form, the edit form, the picker's JSON. */
final class PhotoAdmin {
    static final int PAGE_SIZE = 24;

    private final PhotoLibrary library;
    private final Web web;
    private final Function<Context, String> staffName;

    PhotoAdmin(PhotoLibrary library, Web web, Function<Context, String> staffName) {
        this.library = library;
        this.web = web;
        this.staffName = staffName;
    }

    void routes(RoutesConfig routes) {
        routes.get("/admin/photos", this::libraryPage);
        routes.get("/admin/photos.json", this::picker);
        routes.get("/admin/photos/new", this::uploadForm);
        routes.post("/admin/photos", this::upload);
        routes.get("/admin/photos/{id}", this::editForm);
        routes.post("/admin/photos/{id}", this::save);
    }

    private void libraryPage(Context ctx) {
        String staff = staffName.apply(ctx);
        String query = ctx.queryParamAsClass("q", String.class).getOrDefault("").strip();
        int page = pageNumber(ctx);
        long total = library.count(query);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        Map<String, Object> params = page(ctx, staff);
        params.put("photos", library.list(query, page, PAGE_SIZE));
        params.put("query", query);
        params.put("total", total);
        params.put("page", page);
        params.put("pages", pages);
        params.put("previousUrl", page > 1 ? libraryUrl(query, page - 1) : null);
        params.put("nextUrl", page < pages ? libraryUrl(query, page + 1) : null);
        render(ctx, "newsroom/photos/library.jte", params);
    }

    private void picker(Context ctx) {
        staffName.apply(ctx);
        String query = ctx.queryParamAsClass("q", String.class).getOrDefault("").strip();
        List<Map<String, Object>> photos = library.list(query, pageNumber(ctx), PAGE_SIZE).stream().map(p -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", p.id());
            item.put("src", p.src());
            item.put("srcset", p.srcset());
            item.put("width", p.width());
            item.put("height", p.height());
            item.put("caption", p.caption());
            item.put("credit", p.credit());
            item.put("altText", p.altText());
            return item;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("photos", photos);
        body.put("total", library.count(query));
        try {
            ctx.header("Cache-Control", "no-store").contentType("application/json").result(web.json().writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void uploadForm(Context ctx) {
        render(ctx, "newsroom/photos/new.jte", page(ctx, staffName.apply(ctx)));
    }

    private void upload(Context ctx) {
        staffName.apply(ctx);
        String length = ctx.header("Content-Length");
        if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > PhotoLibrary.MAX_BYTES + 64 * 1024) {
            throw tooLarge();
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            throw WebError.badRequest("file", "Choose a photo to upload.");
        }
        if (file.size() > PhotoLibrary.MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes(PhotoLibrary.MAX_BYTES + 1);
        } catch (IOException e) {
            throw WebError.badRequest("file", "The upload was interrupted. Try again.");
        }
        Photo photo = library.upload(file.filename(), bytes, details(ctx));
        ctx.redirect("/admin/photos/" + photo.id() + "?uploaded=1", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void editForm(Context ctx) {
        String staff = staffName.apply(ctx);
        Photo photo = library.find(photoId(ctx)).orElseThrow(() -> WebError.notFound("There is no such photo."));
        Map<String, Object> params = page(ctx, staff);
        params.put("photo", photo);
        params.put("uploaded", ctx.queryParam("uploaded") != null);
        params.put("saved", ctx.queryParam("saved") != null);
        render(ctx, "newsroom/photos/edit.jte", params);
    }

    private void save(Context ctx) {
        staffName.apply(ctx);
        Photo photo = library.updateDetails(photoId(ctx), details(ctx));
        ctx.redirect("/admin/photos/" + photo.id() + "?saved=1", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static WebError tooLarge() {
        return WebError.tooLarge("file", "That photo is larger than 25 MB. Export it smaller and upload it again.");
    }

    private static PhotoDetails details(Context ctx) {
        return new PhotoDetails(ctx.formParam("caption"), ctx.formParam("credit"), ctx.formParam("altText"), ctx.formParam("licence"));
    }

    private static long photoId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) {
            throw WebError.notFound("There is no such photo.");
        }
        return Long.parseLong(id);
    }

    private static int pageNumber(Context ctx) {
        String page = ctx.queryParam("page");
        if (page == null || page.isBlank()) {
            return 1;
        }
        if (!page.matches("[0-9]{1,6}") || Integer.parseInt(page) < 1) {
            throw WebError.badRequest("page", "The page number must be a whole number from 1.");
        }
        return Integer.parseInt(page);
    }

    private static String libraryUrl(String query, int page) {
        String q = query.isEmpty() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&";
        return "/admin/photos?" + q + "page=" + page;
    }

    private Map<String, Object> page(Context ctx, String staff) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("staffName", staff);
        params.put("csrf", web.csrf().token(ctx));
        return params;
    }

    private void render(Context ctx, String template, Map<String, Object> params) {
        web.page(ctx, template, params);
    }
}
