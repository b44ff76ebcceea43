package news.masthead.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import news.masthead.platform.html.Markdown;
import news.masthead.platform.web.ErrorPages;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;
import news.masthead.site.PageMeta;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The reader's side: the status the script asks for, the choice it posts (as JSON, or as a plain
 * form without script), the no-script consent page and the cookie policy.
 */
final class ConsentRoutes {
    private final Consent consent;
    private final Web web;
    private final Supplier<PageMeta.SiteFrame> frame;
    private final Markdown markdown = new Markdown();

    ConsentRoutes(Consent consent, Web web, Supplier<PageMeta.SiteFrame> frame) {
        this.consent = consent;
        this.web = web;
        this.frame = frame;
    }

    void routes(RoutesConfig routes) {
        // the script's endpoints answer errors as JSON too, whatever the client accepts
        routes.before("/consent/status", ErrorPages::answerAsJson);
        routes.get("/consent/status", this::status);
        routes.post("/consent", this::choose);
        routes.get("/consent", this::page);
        routes.get("/cookie-policy", this::policy);
    }

    private void status(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        var choice = consent.choice(ctx);
        Set<Category> allowed = consent.allowed(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policyVersion", consent.policyVersion());
        body.put("decided", choice.isPresent());
        body.put("granted", choice.map(c -> c.granted().stream().map(Category::key).toList()).orElse(List.of()));
        body.put("gpc", Consent.gpc(ctx));
        // only a token the browser already has: minting here would race the page's other scripts (csrf.js mints)
        body.put("csrf", web.csrf().existing(ctx));
        body.put("scripts", scripts(allowed));
        ctx.json(body);
    }

    private List<Map<String, String>> scripts(Set<Category> allowed) {
        List<Map<String, String>> scripts = new ArrayList<>();
        for (Category c : Category.OPTIONAL) {
            if (allowed.contains(c)) {
                consent.scripts(c).forEach(url -> scripts.add(Map.of("url", url, "category", c.key())));
            }
        }
        return scripts;
    }

    private void choose(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.startsWith("application/json")) {
            JsonNode json = readJson(ctx);
            Set<Category> granted = granted(json.path("choice").asText(""), categoryNames(json.path("categories")));
            Choice choice = consent.record(ctx, granted, json.path("gpc").asBoolean(false), "banner");
            Set<Category> allowed = EnumSet.of(Category.NECESSARY);
            allowed.addAll(choice.granted());
            ctx.header("Cache-Control", "no-store");
            ctx.json(Map.of("policyVersion", choice.policyVersion(), "decided", true,
                    "granted", choice.granted().stream().map(Category::key).toList(), "scripts", scripts(allowed)));
            return;
        }
        Set<Category> granted = granted(ctx.formParam("choice"), ctx.formParams("categories"));
        consent.record(ctx, granted, false, "form");
        ctx.redirect(safeReturn(ctx.formParam("return")), HttpStatus.SEE_OTHER);
    }

    private JsonNode readJson(Context ctx) {
        if (ctx.req().getContentLengthLong() > 4096) {
            throw WebError.tooLarge(null, "A consent choice is a few bytes.");
        }
        try {
            JsonNode node = web.json().readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw WebError.badRequest("choice", "Send an object such as {\"choice\":\"reject\"}.");
            }
            return node;
        } catch (IOException e) {
            throw WebError.badRequest("choice", "That is not JSON.");
        }
    }

    private static List<String> categoryNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.forEach(n -> names.add(n.asText("")));
        return names;
    }

    static Set<Category> granted(String choice, List<String> categories) {
        return switch (choice == null ? "" : choice) {
            case "accept" -> EnumSet.copyOf(Category.OPTIONAL);
            case "reject" -> EnumSet.noneOf(Category.class);
            case "custom" -> {
                Set<Category> set = EnumSet.noneOf(Category.class);
                for (String name : categories) {
                    Category c = Category.parse(name).filter(Category.OPTIONAL::contains).orElseThrow(() ->
                            WebError.badRequest("categories", "Choose among preferences, analytics and advertising."));
                    set.add(c);
                }
                yield set;
            }
            default -> throw WebError.badRequest("choice", "Choose accept, reject or custom.");
        };
    }

    /** Back to where the reader was: a local path only, never another site. */
    static String safeReturn(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
                || path.length() > 2000 || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return path;
    }

    private void page(Context ctx) {
        var choice = consent.choice(ctx);
        Set<Category> granted = choice.map(Choice::granted).orElse(Set.of());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("meta", meta("Cookie settings"));
        model.put("csrf", web.csrf().token(ctx));
        model.put("decided", choice.isPresent());
        model.put("granted", granted.stream().map(Category::key).toList());
        model.put("gpc", Consent.gpc(ctx));
        model.put("returnTo", safeReturn(ctx.queryParam("return")));
        web.page(ctx, "consent/page.jte", model);
    }

    private void policy(Context ctx) {
        var policy = consent.policy();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("meta", meta("Cookie policy"));
        model.put("html", markdown.toHtml(policy.body()));
        model.put("version", policy.version());
        model.put("declarations", consent.declarations());
        model.put("updated", policy.updatedAt().toString().substring(0, 10));
        ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8")
                .result(web.templates().render("consent/policy.jte", model));
    }

    private PageMeta meta(String title) {
        return new PageMeta(title, null, null, "website", null, null, List.of(), frame.get(), true);
    }
}
