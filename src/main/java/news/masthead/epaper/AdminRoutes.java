package news.masthead.epaper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import news.masthead.newsroom.LiveArticle;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The editors' ePaper desk at {@code /admin/epaper}: uploads, page changes, builds, publishing. Thin. */
final class AdminRoutes {
    private final Epaper epaper;
    private final Web web;
    private final Function<Context, String> requireEditor;

    AdminRoutes(Epaper epaper, Web web, Function<Context, String> requireEditor) {
        this.epaper = epaper;
        this.web = web;
        this.requireEditor = requireEditor;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/epaper", this::desk);
        routes.post("/admin/epaper/settings", this::saveSettings);
        routes.post("/admin/epaper/editions/pdf", this::uploadWhole);
        routes.post("/admin/epaper/pages/pdf", this::uploadPages);
        routes.post("/admin/epaper/builds", this::build);
        routes.post("/admin/epaper/printings/{id}/publish", ctx -> {
            requireEditor.apply(ctx);
            Printing p = epaper.publishPrinting(id(ctx));
            done(ctx, p.day(), "Printing " + p.id() + " is live: readers see it now.");
        });
        routes.post("/admin/epaper/printings/{id}/delete", ctx -> {
            requireEditor.apply(ctx);
            Printing p = epaper.printing(id(ctx)).orElseThrow(WebError::notFound);
            epaper.deletePrinting(p.id());
            done(ctx, p.day(), "Printing " + p.id() + " was deleted.");
        });
        routes.post("/admin/epaper/editions/{day}/withdraw", ctx -> {
            requireEditor.apply(ctx);
            LocalDate day = day(ctx.pathParam("day"));
            epaper.withdraw(day);
            done(ctx, day, "The edition of " + day + " is off the site; its printings are kept.");
        });
        routes.get("/admin/epaper/printings/{id}", ctx -> {
            String staff = requireEditor.apply(ctx);
            Printing p = epaper.printing(id(ctx)).orElseThrow(WebError::notFound);
            Map<String, Object> params = params(ctx, staff);
            params.put("printing", p);
            params.put("placements", epaper.placements(p.id()));
            render(ctx, "epaper/preview.jte", params);
        });
    }

    private void desk(Context ctx) {
        String staff = requireEditor.apply(ctx);
        LocalDate day = ctx.queryParam("day") == null ? epaper.today() : day(ctx.queryParam("day"));
        List<Printing> ofDay = epaper.printings(day);
        Map<String, Object> params = params(ctx, staff);
        params.put("day", day);
        params.put("printings", ofDay);
        params.put("recent", epaper.recentPrintings(30));
        params.put("settings", epaper.settings());
        params.put("notice", ctx.queryParam("notice"));
        params.put("canBuild", epaper.canBuild());
        List<LiveArticle> stories = new ArrayList<>();
        if (epaper.canBuild()) {
            stories.addAll(epaper.newsroom().live(epaper.defaultStories(day)));
        }
        params.put("stories", stories);
        if (ofDay.stream().anyMatch(p -> p.status().equals(Printing.PROCESSING))) {
            ctx.header("Refresh", "3"); // the page follows a build or upload in progress
        }
        render(ctx, "epaper/admin.jte", params);
    }

    private void saveSettings(Context ctx) {
        requireEditor.apply(ctx);
        String mb = ctx.formParam("maxUploadMb");
        if (mb == null || !mb.strip().matches("[0-9]{1,5}")) {
            throw WebError.badRequest("maxUploadMb", "The largest upload is a whole number of MB, such as 200.");
        }
        String at = ctx.formParam("buildAt");
        LocalTime buildAt = null;
        if (at != null && !at.isBlank()) {
            try {
                buildAt = LocalTime.parse(at.strip());
            } catch (DateTimeParseException e) {
                throw WebError.badRequest("buildAt", "The build time looks like 05:30, or leave it empty for no daily build.");
            }
        }
        epaper.saveSettings(new EpaperSettings(Integer.parseInt(mb.strip()), buildAt));
        done(ctx, epaper.today(), "Settings saved.");
    }

    private void uploadWhole(Context ctx) {
        String staff = requireEditor.apply(ctx);
        LocalDate day = day(ctx.formParam("day"));
        boolean publish = "on".equals(ctx.formParam("publish"));
        Path file = receive(ctx);
        try {
            Printing p = epaper.upload(day, file, staff, publish);
            done(ctx, day, "Printing " + p.id() + " of " + day + ": " + p.pages() + " pages, " + p.sizeLabel()
                    + (publish ? ", live now." : ", a draft: publish it when it looks right.") + (p.notes().isEmpty() ? "" : " " + p.notes()));
        } finally {
            Printings.delete(file);
        }
    }

    private void uploadPages(Context ctx) {
        String staff = requireEditor.apply(ctx);
        LocalDate day = day(ctx.formParam("day"));
        String page = ctx.formParam("page");
        if (page == null || !page.strip().matches("[0-9]{1,4}")) {
            throw WebError.badRequest("page", "Give the page number, such as 3.");
        }
        boolean replace = !"insert".equals(ctx.formParam("mode"));
        Path file = receive(ctx);
        try {
            int n = Integer.parseInt(page.strip());
            Printing p = replace ? epaper.replacePages(day, n, file, staff) : epaper.insertPages(day, n, file, staff);
            done(ctx, day, "Printing " + p.id() + " of " + day + " (" + p.source() + "), " + p.pages()
                    + " pages: a draft; publish it when it looks right." + (p.notes().isEmpty() ? "" : " " + p.notes()));
        } finally {
            Printings.delete(file);
        }
    }

    private void build(Context ctx) {
        String staff = requireEditor.apply(ctx);
        LocalDate day = day(ctx.formParam("day"));
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : ctx.formParams("article")) {
            ids.add(articleId(id));
        }
        String more = ctx.formParam("more");
        if (more != null) {
            for (String id : more.split("[\\s,]+")) {
                if (!id.isBlank()) {
                    ids.add(articleId(id));
                }
            }
        }
        long printing = epaper.build(day, List.copyOf(ids), staff, "on".equals(ctx.formParam("publish")));
        done(ctx, day, "Building the edition of " + day + " from " + ids.size() + " stories (printing " + printing
                + "). This page refreshes until it is done.");
    }

    /** Streams the uploaded part to a temporary file of our own; the limit was set before the body was read. */
    private Path receive(Context ctx) {
        UploadedFile upload = ctx.uploadedFile("pdf");
        if (upload == null || upload.size() == 0) {
            throw WebError.badRequest("pdf", "Choose a PDF to upload.");
        }
        long max = epaper.settings().maxUploadBytes();
        if (upload.size() > max) {
            throw WebError.tooLarge("pdf", "That PDF is larger than " + epaper.settings().maxUploadMb() + " MB, the most this site takes.");
        }
        Path file = null;
        try {
            file = Files.createTempFile("epaper-upload-", ".pdf");
            try (InputStream in = upload.content(); OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return file;
        } catch (IOException e) {
            if (file != null) {
                Printings.delete(file);
            }
            throw WebError.badRequest("pdf", "The upload was interrupted. Try again.");
        }
    }

    private static long articleId(String id) {
        if (!id.strip().matches("[0-9]{1,18}")) {
            throw WebError.badRequest("articles", "Article ids are numbers (got '" + id + "').");
        }
        return Long.parseLong(id.strip());
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw WebError.badRequest("day", "Give the edition's date, such as 2026-11-25.");
        }
    }

    private static long id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) {
            throw WebError.notFound();
        }
        return Long.parseLong(id);
    }

    private void done(Context ctx, LocalDate day, String notice) {
        ctx.header("Cache-Control", "no-store").redirect("/admin/epaper?day=" + day + "&notice="
                + java.net.URLEncoder.encode(notice, java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> params(Context ctx, String staff) {
        Map<String, Object> params = new HashMap<>();
        params.put("staffName", staff);
        params.put("csrf", web.csrf().token(ctx));
        return params;
    }

    private void render(Context ctx, String template, Map<String, Object> params) {
        web.page(ctx, template, params);
    }
}
