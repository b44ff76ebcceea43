package news.masthead.migration;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import news.masthead.platform.web.Web;

import java.util.List;
import java.util.function.Function;

/** {@code /admin/imports}: past and running imports with their counts, for editors and up. */
final class ImportsPage {
    private final Migration migration;
    private final Web web;
    private final Function<Context, String> requireEditor;

    ImportsPage(Migration migration, Web web, Function<Context, String> requireEditor) {
        this.migration = migration;
        this.web = web;
        this.requireEditor = requireEditor;
    }

    void routes(RoutesConfig routes) {
        routes.get("/admin/imports", this::list);
    }

    private void list(Context ctx) {
        String name = requireEditor.apply(ctx);
        List<Migration.Run> runs = migration.runs(50);
        boolean running = runs.stream().anyMatch(r -> r.status().equals("running"));
        web.page(ctx, "migration/imports.jte", new ImportsView(name, web.csrf().token(ctx), runs, running));
    }
}
