package news.masthead.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.newsroom.EditLock;
import news.masthead.newsroom.Newsroom;
import news.masthead.platform.web.Web;

import java.util.LinkedHashMap;
import java.util.Map;

import static news.masthead.admin.Editor.CONTRIBUTOR;

/**
 * The edit lock from the editor page: renewed every minute by {@code admin.js} (JSON), taken over
 * by a button, released when the page is left. The lock only warns; the revision check is what
 * keeps two saves from overwriting each other.
 */
final class LockRoutes {
    private final Newsroom newsroom;
    private final Pages pages;
    private final Times times;
    private final Web web;

    LockRoutes(Newsroom newsroom, Pages pages, Times times, Web web) {
        this.newsroom = newsroom;
        this.pages = pages;
        this.times = times;
        this.web = web;
    }

    void routes(RoutesConfig routes) {
        routes.post("/admin/articles/{id}/lock", this::renew);
        routes.post("/admin/articles/{id}/takeover", this::takeOver);
        routes.post("/admin/articles/{id}/release", this::release);
    }

    /** Renews the caller's lock, or reports who holds it instead. */
    private void renew(Context ctx) throws Exception {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        EditLock lock = newsroom.lock(Pages.id(ctx, "id"), me.id(), false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mine", lock.staffId() == me.id());
        body.put("holder", lock.staffName());
        body.put("until", times.clock(lock.expiresAt()));
        body.put("expiresAt", lock.expiresAt());
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(web.json().writeValueAsBytes(body));
    }

    private void takeOver(Context ctx) {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        long id = Pages.id(ctx, "id");
        newsroom.lock(id, me.id(), true);
        Pages.seeOther(ctx, "/admin/articles/" + id);
    }

    private void release(Context ctx) {
        Editor me = pages.staff(ctx, CONTRIBUTOR);
        newsroom.releaseLock(Pages.id(ctx, "id"), me.id());
        ctx.status(204);
    }
}
