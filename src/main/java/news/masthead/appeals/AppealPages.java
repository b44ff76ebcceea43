package news.masthead.appeals;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import news.masthead.accounts.Reader;
import news.masthead.membership.Plan;
import news.masthead.platform.html.Markdown;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Appeals over HTTP, thin: the script's JSON ({@code /appeals/next}, {@code /appeals/answer},
 * {@code /appeals/carry}, {@code /appeals/token}) and the staff pages under {@code /admin/appeals}.
 */
final class AppealPages {
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    private final Appeals appeals;
    private final Web web;
    private final Function<Context, Optional<Reader>> currentReader;
    private final Function<Context, String> requireEditor;
    private final Markdown markdown = new Markdown();

    AppealPages(Appeals appeals, Web web, Function<Context, Optional<Reader>> currentReader, Function<Context, String> requireEditor) {
        this.appeals = appeals;
        this.web = web;
        this.currentReader = currentReader;
        this.requireEditor = requireEditor;
    }

    void routes(RoutesConfig routes) {
        routes.get("/appeals/next", this::next);
        routes.post("/appeals/answer", ctx -> state(ctx, appeals.answer(ctx.formParam("event"), ctx.formParam("appeal"),
                ctx.formParam("variant"), ctx.formParam("state"), currentReader.apply(ctx))));
        routes.post("/appeals/carry", ctx -> {
            Reader reader = currentReader.apply(ctx).orElseThrow(() -> WebError.unauthorized("Sign in first."));
            state(ctx, appeals.carry(ctx.formParam("state"), reader));
        });
        routes.get("/appeals/token", ctx -> json(ctx, Map.of("csrf", web.csrf().token(ctx))));
        routes.get("/admin/appeals", this::list);
        routes.post("/admin/appeals/caps", ctx -> {
            requireEditor.apply(ctx);
            appeals.saveCaps(new FrequencyCaps(number(ctx, "pagesBetween"), number(ctx, "perDay"), number(ctx, "snoozeDays")));
            back(ctx, "/admin/appeals?done=caps");
        });
        routes.get("/admin/appeals/new", ctx -> form(ctx, null));
        routes.post("/admin/appeals", ctx -> {
            requireEditor.apply(ctx);
            long id = appeals.create(AppealDraft.parse(ctx::formParam));
            back(ctx, "/admin/appeals?done=created#appeal-" + id);
        });
        routes.get("/admin/appeals/{id}", ctx -> form(ctx, found(ctx)));
        routes.post("/admin/appeals/{id}", ctx -> {
            requireEditor.apply(ctx);
            appeals.update(id(ctx), AppealDraft.parse(ctx::formParam));
            back(ctx, "/admin/appeals?done=saved#appeal-" + id(ctx));
        });
        routes.post("/admin/appeals/{id}/delete", ctx -> {
            requireEditor.apply(ctx);
            appeals.delete(id(ctx));
            back(ctx, "/admin/appeals?done=deleted");
        });
        routes.get("/admin/appeals/{id}/results", this::results);
    }

    private void next(Context ctx) throws JsonProcessingException {
        String section = ctx.queryParam("section");
        Appeals.Next next = appeals.next(section == null || section.length() > 80 ? null : section,
                ctx.queryParam("state"), ctx.queryParam("closed"), currentReader.apply(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", next.now().getEpochSecond());
        body.put("state", web.json().readTree(next.state().toJson()));
        body.put("signedIn", next.signedIn());
        body.put("carry", next.carry());
        next.shown().ifPresent(shown -> {
            Appeal a = shown.appeal();
            Map<String, Object> appeal = new LinkedHashMap<>();
            appeal.put("id", a.id());
            appeal.put("variant", shown.variant().key());
            appeal.put("format", a.format().key());
            appeal.put("after", a.afterParagraph());
            appeal.put("css", Appeals.cssUrl());
            appeal.put("html", html(a, shown.variant()));
            body.put("appeal", appeal);
        });
        json(ctx, body);
    }

    /** The appeal's markup, rendered and sanitized on the server; the script only places it. */
    String html(Appeal appeal, Appeal.Variant variant) {
        Map<String, Object> params = new HashMap<>();
        params.put("appeal", appeal);
        params.put("variant", variant);
        params.put("bodyHtml", markdown.toHtml(variant.body()));
        params.put("plan", appeals.plan(appeal).orElse(null));
        params.put("href", "/membership?appeal=" + appeal.id() + "&variant=" + variant.key());
        return new String(web.templates().render("appeals/appeal.jte", params), StandardCharsets.UTF_8);
    }

    private void state(Context ctx, BrowserState state) throws JsonProcessingException {
        json(ctx, Map.of("state", web.json().readTree(state.toJson())));
    }

    private void json(Context ctx, Object body) {
        ctx.header("Cache-Control", "private, no-store").json(body);
    }

    private void list(Context ctx) {
        String staff = requireEditor.apply(ctx);
        Map<String, Object> params = admin(ctx, staff);
        params.put("appeals", appeals.all());
        params.put("caps", appeals.caps());
        params.put("now", appeals.clock().instant());
        params.put("notice", switch (ctx.queryParam("done") == null ? "" : ctx.queryParam("done")) {
            case "created" -> "The appeal is saved.";
            case "saved" -> "Your changes are saved.";
            case "deleted" -> "The appeal is deleted.";
            case "caps" -> "The limits are saved.";
            default -> null;
        });
        render(ctx, "appeals/list.jte", params);
    }

    private void form(Context ctx, Appeal appeal) {
        String staff = requireEditor.apply(ctx);
        Map<String, Object> params = admin(ctx, staff);
        params.put("appeal", appeal);
        params.put("v", values(appeal));
        params.put("plans", appeals.plans());
        render(ctx, "appeals/form.jte", params);
    }

    private void results(Context ctx) {
        String staff = requireEditor.apply(ctx);
        Results results = appeals.results(id(ctx));
        Map<String, Object> params = admin(ctx, staff);
        params.put("results", results);
        params.put("chart", ConversionChart.of(results));
        render(ctx, "appeals/results.jte", params);
    }

    /** The form's fields as text: an appeal's, or the defaults for a new one. */
    static Map<String, String> values(Appeal a) {
        Map<String, String> v = new HashMap<>();
        for (String key : AppealDraft.VARIANT_KEYS) {
            v.put("weight" + key, "50");
        }
        if (a == null) {
            v.putAll(Map.of("format", "dialog", "afterParagraph", "3", "minViews", "3", "audience", "all"));
            return v;
        }
        v.put("name", a.name());
        v.put("signatories", a.signatoryLines());
        v.put("plan", a.planId() == null ? "" : a.planId().toString());
        v.put("format", a.format().key());
        v.put("afterParagraph", Integer.toString(a.afterParagraph()));
        v.put("sections", String.join(", ", a.sections()));
        v.put("minViews", Integer.toString(a.minViews()));
        v.put("audience", a.audience().key());
        v.put("startsAt", a.startsAt() == null ? "" : TYPED.format(a.startsAt()));
        v.put("endsAt", a.endsAt() == null ? "" : TYPED.format(a.endsAt()));
        v.put("active", a.active() ? "on" : "");
        for (Appeal.Variant variant : a.variants()) {
            v.put("weight" + variant.key(), Integer.toString(variant.weight()));
            v.put("title" + variant.key(), variant.title());
            v.put("body" + variant.key(), variant.body());
            v.put("cta" + variant.key(), variant.cta());
        }
        return v;
    }

    private Map<String, Object> admin(Context ctx, String staff) {
        Map<String, Object> params = new HashMap<>();
        params.put("staffName", staff);
        params.put("csrf", web.csrf().token(ctx));
        return params;
    }

    private void render(Context ctx, String template, Map<String, Object> params) {
        web.page(ctx, template, params);
    }

    private Appeal found(Context ctx) {
        return appeals.find(id(ctx)).orElseThrow(() -> WebError.notFound("No such appeal."));
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (raw.matches("[0-9]{1,15}") && Long.parseLong(raw) > 0) {
            return Long.parseLong(raw);
        }
        throw WebError.notFound("No such appeal.");
    }

    private static int number(Context ctx, String field) {
        String raw = ctx.formParam(field);
        try {
            return Integer.parseInt(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw WebError.badRequest(field, "The " + field + " must be a whole number.");
        }
    }

    private static void back(Context ctx, String to) {
        ctx.header("Cache-Control", "no-store").redirect(to, HttpStatus.SEE_OTHER);
    }

    static String planLabel(Plan plan) {
        return plan.name() + " (" + plan.priceLabel() + ")";
    }
}
