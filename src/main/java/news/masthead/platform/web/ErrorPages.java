package news.masthead.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns every failure into a page or a JSON body a person can act on: typed {@link WebError}s keep
 * their status and words, Javalin's own 4xx keep their status, anything else is logged with an
 * incident id and answered with a plain 500 that reveals no internals.
 */
public final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Templates templates;
    private final ObjectMapper json;

    public ErrorPages(Templates templates, ObjectMapper json) {
        this.templates = templates;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.exception(WebError.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage(), e.field()));
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), friendly(e), null));
        routes.exception(Exception.class, (e, ctx) -> {
            String incident = Long.toString(System.nanoTime(), 36);
            log.error("Unhandled error {} on {} {}", incident, ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on our side (incident " + incident + "). Please try again.", null);
        });
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, "We could not find that page.", null);
            }
        });
    }

    private static String friendly(HttpResponseException e) {
        if (e.getStatus() == 413) {
            return "That upload or form is too large.";
        }
        String message = e.getMessage();
        HttpStatus status = HttpStatus.forStatus(e.getStatus());
        return message == null || message.isBlank() ? status.getMessage() : message;
    }

    /** Writes the error as JSON for API clients and as an HTML page for browsers. */
    public void respond(Context ctx, int status, String message, String field) {
        ctx.status(status);
        SecurityHeaders.apply(ctx);
        ctx.header("Cache-Control", "no-store");
        if (wantsJson(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            if (field != null) {
                body.put("field", field);
            }
            body.put("status", status);
            try {
                ctx.contentType("application/json").result(json.writeValueAsBytes(body));
            } catch (Exception e) {
                ctx.contentType("application/json").result("{\"error\":\"error\"}");
            }
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("message", message);
        params.put("field", field);
        ctx.contentType("text/html; charset=utf-8").result(templates.render("platform/error.jte", params));
    }

    /**
     * Marks the request as one to a JSON endpoint outside {@code /api/} (a feature's before-handler
     * calls it), so its errors are JSON whatever the client accepts.
     */
    public static void answerAsJson(Context ctx) {
        ctx.attribute(JSON_ENDPOINT, Boolean.TRUE);
    }

    private static final String JSON_ENDPOINT = "errors.jsonEndpoint";

    static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        String type = ctx.header("Content-Type");
        return ctx.path().startsWith("/api/") || ctx.path().startsWith("/webhooks/")
                || Boolean.TRUE.equals(ctx.attribute(JSON_ENDPOINT))
                // a client that sends JSON reads JSON back, whatever its Accept says
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }
}
