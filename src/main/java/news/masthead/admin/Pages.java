package news.masthead.admin;

import io.javalin.http.Context;
import news.masthead.platform.web.Web;
import news.masthead.platform.web.WebError;

import java.util.function.BiFunction;

/** What every back-office handler does: ask who is there, read ids from the path, render a page. */
final class Pages {
    private final Web web;
    private final BiFunction<Context, String, Editor> requireStaff;

    Pages(Web web, BiFunction<Context, String, Editor> requireStaff) {
        this.web = web;
        this.requireStaff = requireStaff;
    }

    /** The signed-in staff member with at least role {@code minimum}; the sign-in feature refuses everyone else. */
    Editor staff(Context ctx, String minimum) {
        Editor editor = requireStaff.apply(ctx, minimum);
        if (editor == null || !editor.atLeast(minimum)) {
            throw WebError.forbidden("Your role does not allow this.");
        }
        return editor;
    }

    Views.Chrome chrome(Context ctx, Editor editor, String title) {
        return new Views.Chrome(title, editor.name(), web.csrf().token(ctx));
    }

    void render(Context ctx, int status, String template, Object model) {
        web.page(ctx, status, template, model);
    }

    /** See-other redirect after a form post, so reloading does not post again. */
    static void seeOther(Context ctx, String path) {
        ctx.redirect(path, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** A numeric path parameter; anything else is a page that does not exist. */
    static long id(Context ctx, String param) {
        try {
            long id = Long.parseLong(ctx.pathParam(param));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // not a number: no such page, below
        }
        throw WebError.notFound();
    }

    /** A whole-number query parameter, {@code fallback} when absent; the field is named when it is not a number in range. */
    static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw WebError.badRequest(name, "The " + name + " must be a whole number from " + min + " to " + max + ".");
    }
}
