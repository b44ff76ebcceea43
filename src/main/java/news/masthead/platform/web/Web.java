package news.masthead.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.util.Map;

/**
 * What every feature's routes need from the web platform: templates, CSRF tokens, the JSON mapper,
 * error pages, static asset URLs. Built once by {@code app}.
 */
public record Web(Templates templates, Csrf csrf, ObjectMapper json, ErrorPages errors, Assets assets) {
    private static final String HTML = "text/html; charset=utf-8";

    /**
     * Answers with a page rendered for this request alone (a form, an account or admin page): HTML,
     * {@code Cache-Control: no-store}, the status the handler already set. Public pages shared by
     * readers go through the site's page cache instead.
     */
    public void page(Context ctx, String template, Map<String, Object> params) {
        ctx.header("Cache-Control", "no-store").contentType(HTML).result(templates.render(template, params));
    }

    /** {@link #page(Context, String, Map)} with a template whose only parameter is {@code model}. */
    public void page(Context ctx, String template, Object model) {
        ctx.header("Cache-Control", "no-store").contentType(HTML).result(templates.render(template, model));
    }

    /** {@link #page(Context, String, Map)} with this status. */
    public void page(Context ctx, int status, String template, Map<String, Object> params) {
        page(ctx.status(status), template, params);
    }

    /** {@link #page(Context, String, Object)} with this status. */
    public void page(Context ctx, int status, String template, Object model) {
        page(ctx.status(status), template, model);
    }
}
