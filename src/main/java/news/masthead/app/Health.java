package news.masthead.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import news.masthead.platform.db.Database;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code /healthz}: 200 when the database answers, 503 otherwise; JSON either way, with how many
 * outbox changes this node's search index has yet to apply ({@code searchBehind}, 0 when current).
 */
final class Health {
    private final Database database;
    private final ObjectMapper json;
    private final LongSupplier searchBehind;

    Health(Database database, ObjectMapper json, LongSupplier searchBehind) {
        this.database = database;
        this.json = json;
        this.searchBehind = searchBehind;
    }

    void routes(RoutesConfig routes) {
        routes.get("/healthz", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            boolean up;
            try {
                up = database.jdbi().withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one()) == 1;
            } catch (RuntimeException e) {
                up = false;
            }
            body.put("status", up ? "ok" : "unavailable");
            body.put("database", up ? "reachable" : "unreachable");
            if (up) {
                body.put("searchBehind", searchBehind.getAsLong());
            }
            ctx.status(up ? 200 : 503).header("Cache-Control", "no-store")
                    .contentType("application/json").result(json.writeValueAsBytes(body));
        });
    }
}
