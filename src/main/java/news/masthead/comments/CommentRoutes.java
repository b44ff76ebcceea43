package news.masthead.comments;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import news.masthead.accounts.Reader;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.PageMeta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** HTTP for comments: the fragment and full page, the forms, the JSON API and the staff queue. Thin. */
final class CommentRoutes {
    private final Comments comments;
    private final Web web;
    private final Function<Context, Optional<Reader>> currentReader;
    private final Function<Context, Reader> requireReader;
    private final Function<Context, String> requireEditor;
    private final Supplier<PageMeta.SiteFrame> frame;

    CommentRoutes(Comments comments, Web web, Function<Context, Optional<Reader>> currentReader,
                  Function<Context, Reader> requireReader, Function<Context, String> requireEditor,
                  Supplier<PageMeta.SiteFrame> frame) {
        this.comments = comments;
        this.web = web;
        this.currentReader = currentReader;
        this.requireReader = requireReader;
        this.requireEditor = requireEditor;
        this.frame = frame;
    }

    void register(RoutesConfig routes) {
        routes.get("/comments/{articleId}", this::show);
        routes.post("/comments/{articleId}", this::post);
        routes.post("/comments/{articleId}/{commentId}/edit", ctx -> {
            comments.edit(requireReader.apply(ctx), id(ctx, "commentId"), ctx.formParam("text"));
            done(ctx, "edited", id(ctx, "commentId"));
        });
        routes.post("/comments/{articleId}/{commentId}/delete", ctx -> {
            comments.delete(requireReader.apply(ctx), id(ctx, "commentId"));
            done(ctx, "deleted", id(ctx, "commentId"));
        });
        routes.post("/comments/{articleId}/{commentId}/report", ctx -> {
            comments.report(requireReader.apply(ctx), id(ctx, "commentId"), ctx.formParam("reason"));
            done(ctx, "reported", id(ctx, "commentId"));
        });
        routes.get("/api/v1/articles/{articleId}/comments", this::apiList);
        routes.post("/api/v1/articles/{articleId}/comments", this::apiPost);
        routes.get("/admin/comments", this::queue);
        routes.get("/admin/comments/settings", this::settingsPage);
        routes.post("/admin/comments/settings/article", ctx -> {
            requireEditor.apply(ctx);
            Long article = optionalId(ctx.formParam("article"));
            if (article == null) {
                throw WebError.badRequest("article", "Give the article's number.");
            }
            comments.policy(article); // 404 for an article that is not published
            comments.setArticlePolicy(article, policyParam(ctx, true));
            ctx.redirect("/admin/comments/settings?saved", HttpStatus.SEE_OTHER);
        });
        routes.post("/admin/comments/settings/{scope}/{scopeId}", this::saveSetting);
        routes.post("/admin/comments/{commentId}/{decision}", this::decide);
        routes.post("/admin/comments/articles/{articleId}/{state}", ctx -> {
            String staff = requireEditor.apply(ctx);
            long article = id(ctx, "articleId");
            switch (ctx.pathParam("state")) {
                case "close" -> comments.close(article, staff);
                case "reopen" -> comments.reopen(article, staff);
                default -> throw WebError.notFound();
            }
            ctx.redirect("/comments/" + article, HttpStatus.SEE_OTHER);
        });
    }

    /** The full page without {@code ?fragment}, else only the comments section for the article page's script. */
    private void show(Context ctx) {
        Optional<Reader> reader = currentReader.apply(ctx);
        Conversation conversation = comments.conversation(id(ctx, "articleId"), reader);
        Map<String, Object> params = new HashMap<>();
        params.put("c", conversation);
        params.put("csrf", web.csrf().token(ctx));
        params.put("now", Instant.now(comments.clock()));
        params.put("editing", optionalId(ctx.queryParam("edit")));
        params.put("notice", Notices.of(ctx.queryParam("done")));
        String template = "comments/fragment.jte";
        if (ctx.queryParam("fragment") == null) {
            template = "comments/page.jte";
            params.put("meta", new PageMeta("Comments: " + conversation.headline(), null, null, "website", null, null,
                    List.of(), frame.get(), true));
        }
        ctx.header("Cache-Control", "private, no-store").contentType("text/html; charset=utf-8")
                .result(web.templates().render(template, params));
    }

    private void post(Context ctx) {
        Reader reader = requireReader.apply(ctx);
        Comment c = comments.post(reader, id(ctx, "articleId"), optionalId(ctx.formParam("parent")),
                ctx.formParam("text"), "on".equals(ctx.formParam("notify")), ctx.formParam("website"));
        done(ctx, c.held() ? "held" : "posted", c.id());
    }

    private void done(Context ctx, String what, long commentId) {
        ctx.header("Cache-Control", "no-store");
        if (wantsJson(ctx)) {
            ctx.json(Map.of("done", what, "id", commentId, "message", Notices.of(what)));
            return;
        }
        ctx.redirect("/comments/" + id(ctx, "articleId") + "?done=" + what + "#comment-" + commentId, HttpStatus.SEE_OTHER);
    }

    private void apiList(Context ctx) {
        Conversation c = comments.conversation(id(ctx, "articleId"), currentReader.apply(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("articleId", c.articleId());
        body.put("open", c.open());
        body.put("mayWrite", c.mayWrite());
        body.put("why", c.why());
        List<Map<String, Object>> threads = new ArrayList<>();
        for (Conversation.Thread t : c.threads()) {
            Map<String, Object> top = wire(t.comment());
            top.put("replies", t.replies().stream().map(CommentRoutes::wire).toList());
            threads.add(top);
        }
        body.put("comments", threads);
        ctx.header("Cache-Control", "private, no-store").json(body);
    }

    private static Map<String, Object> wire(Comment c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("parentId", c.parentId());
        m.put("deleted", c.deleted());
        m.put("held", c.held());
        m.put("author", c.deleted() ? null : c.authorName());
        m.put("staff", c.byStaff());
        m.put("html", c.deleted() ? null : c.bodyHtml());
        m.put("created", c.createdAt().toString());
        m.put("edited", c.editedAt() == null ? null : c.editedAt().toString());
        return m;
    }

    /**
     * Posting through the API with the reader's cookie. The API is exempt from the form token, so
     * this takes only {@code application/json}: a form on another site cannot send that without the
     * browser's CORS check, which we never pass.
     */
    private void apiPost(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw WebError.unsupportedMedia("body", "Send the comment as application/json: {\"text\": \"…\"}.");
        }
        Reader reader = currentReader.apply(ctx).orElseThrow(() -> WebError.unauthorized("Sign in first: ask for a sign-in link at /account/sign-in."));
        JsonNode body;
        try {
            body = web.json().readTree(ctx.bodyAsBytes());
        } catch (Exception e) {
            throw WebError.badRequest("body", "The body is not JSON.");
        }
        if (body == null || !body.isObject()) {
            throw WebError.badRequest("body", "The body is a JSON object: {\"text\": \"…\"}.");
        }
        JsonNode parent = body.get("parentId");
        Comment c = comments.post(reader, id(ctx, "articleId"), parent == null || parent.isNull() ? null : parent.asLong(),
                body.path("text").isTextual() ? body.get("text").asText() : null, body.path("notifyReplies").asBoolean(false),
                body.path("website").asText(""));
        ctx.status(201).header("Cache-Control", "no-store").json(wire(c));
    }

    private void queue(Context ctx) {
        String staff = requireEditor.apply(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("title", "Comments to moderate");
        params.put("staffName", staff);
        params.put("csrf", web.csrf().token(ctx));
        params.put("queue", comments.queue());
        params.put("words", comments.heldWords());
        web.page(ctx, "comments/queue.jte", params);
    }

    private void settingsPage(Context ctx) {
        String staff = requireEditor.apply(ctx);
        List<ScopeSetting> all = comments.settings();
        Map<String, Object> params = new HashMap<>();
        params.put("staffName", staff);
        params.put("csrf", web.csrf().token(ctx));
        params.put("site", all.getFirst());
        params.put("sections", all.stream().filter(s -> s.scope().equals("section")).toList());
        params.put("articles", all.stream().filter(s -> s.scope().equals("article")).toList());
        params.put("saved", ctx.queryParam("saved") != null);
        web.page(ctx, "comments/settings.jte", params);
    }

    private void saveSetting(Context ctx) {
        requireEditor.apply(ctx);
        long id = id(ctx, "scopeId");
        switch (ctx.pathParam("scope")) {
            case "site" -> {
                Policy policy = policyParam(ctx, false);
                comments.setSiteCloseAfterDays(daysParam(ctx, false)); // checks the days before anything is saved
                comments.setSitePolicy(policy);
            }
            case "section" -> {
                if (comments.settings().stream().noneMatch(x -> x.scope().equals("section") && x.scopeId() == id)) {
                    throw WebError.notFound("There is no section " + id + ".");
                }
                Policy policy = policyParam(ctx, true);
                comments.setSectionCloseAfterDays(id, daysParam(ctx, true));
                comments.setSectionPolicy(id, policy);
            }
            case "article" -> {
                comments.policy(id);
                comments.setArticlePolicy(id, policyParam(ctx, true));
            }
            default -> throw WebError.notFound();
        }
        ctx.redirect("/admin/comments/settings?saved", HttpStatus.SEE_OTHER);
    }

    /** The form's policy; "" means inherit where that is allowed. */
    private static Policy policyParam(Context ctx, boolean mayInherit) {
        String raw = ctx.formParam("policy");
        if (mayInherit && (raw == null || raw.isBlank())) {
            return null;
        }
        return Policy.parse(raw).orElseThrow(() -> WebError.badRequest("policy", "Choose signed_in, members or nobody."));
    }

    private static Integer daysParam(Context ctx, boolean mayInherit) {
        String raw = ctx.formParam("days");
        if (mayInherit && (raw == null || raw.isBlank())) {
            return null;
        }
        if (raw == null || !raw.strip().matches("[0-9]{1,4}")) {
            throw WebError.badRequest("days", "Comments close after 1 to 3650 days.");
        }
        return Integer.parseInt(raw.strip());
    }

    private void decide(Context ctx) {
        String staff = requireEditor.apply(ctx);
        String decision = ctx.pathParam("decision");
        if (decision.equals("words")) {
            if (ctx.formParam("release") != null) {
                comments.releaseWord(ctx.formParam("release"));
            } else {
                comments.holdWord(ctx.formParam("word"));
            }
            ctx.redirect("/admin/comments", HttpStatus.SEE_OTHER);
            return;
        }
        long id = id(ctx, "commentId");
        switch (decision) {
            case "approve" -> comments.approve(id, staff);
            case "reject" -> comments.reject(id, staff);
            case "ban" -> comments.ban(id, staff);
            default -> throw WebError.notFound();
        }
        ctx.redirect("/admin/comments", HttpStatus.SEE_OTHER);
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    private static long id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        if (!raw.matches("[0-9]{1,18}")) {
            throw WebError.notFound();
        }
        return Long.parseLong(raw);
    }

    private static Long optionalId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.strip().matches("[0-9]{1,18}")) {
            throw WebError.badRequest("parent", "Not a comment number: " + raw.strip().substring(0, Math.min(20, raw.strip().length())));
        }
        return Long.parseLong(raw.strip());
    }

    /** The sentence shown after a form did its work. */
    static final class Notices {
        private static final Map<String, String> TEXT = Map.of(
                "posted", "Your comment is posted.",
                "held", "Thanks: your comment waits for a moderator before others see it.",
                "edited", "Your comment is changed.",
                "deleted", "Your comment is deleted.",
                "reported", "Thanks: a moderator will look at that comment.");

        static String of(String key) {
            return key == null ? null : TEXT.get(key);
        }
    }
}
