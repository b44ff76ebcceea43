package news.masthead.platform.metrics;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http.server.requests}: one timer per method, route template and status class. The route is
 * the template ({@code /articles/{slug}}), never the raw path, so a crawler cannot make series up;
 * static files share {@code /assets/*} and everything unmatched shares {@code unmatched}. Timers are
 * looked up by the endpoint object itself, so recording allocates nothing.
 */
final class RequestTimers {
    static final String NAME = "http.server.requests";
    private static final String[] STATUS_CLASSES = {"1xx", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    private final ConcurrentHashMap<Endpoint, Timer[]> byEndpoint = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<HandlerType, Timer[]> assets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<HandlerType, Timer[]> unmatched = new ConcurrentHashMap<>();

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, Float millis) {
        Timer[] timers = timersFor(ctx);
        int status = ctx.statusCode();
        int index = status < 100 || status > 599 ? 5 : status / 100;
        Timer timer = timers[index];
        if (timer == null) {
            timer = timers[index] = register(ctx.method().name(), routeOf(ctx), STATUS_CLASSES[index]);
        }
        timer.record((long) (millis * 1_000_000.0), TimeUnit.NANOSECONDS);
    }

    private Timer[] timersFor(Context ctx) {
        Endpoint endpoint = matched(ctx);
        if (endpoint != null) {
            Timer[] timers = byEndpoint.get(endpoint);
            return timers != null ? timers : byEndpoint.computeIfAbsent(endpoint, e -> new Timer[6]);
        }
        var map = ctx.path().startsWith("/assets/") ? assets : unmatched;
        Timer[] timers = map.get(ctx.method());
        return timers != null ? timers : map.computeIfAbsent(ctx.method(), m -> new Timer[6]);
    }

    private static Endpoint matched(Context ctx) {
        try {
            return ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String routeOf(Context ctx) {
        Endpoint endpoint = matched(ctx);
        if (endpoint != null) {
            return endpoint.path;
        }
        return ctx.path().startsWith("/assets/") ? "/assets/*" : "unmatched";
    }

    /** Registering the same name and tags twice returns the same timer, so a lost race is harmless. */
    private Timer register(String method, String route, String status) {
        return Timer.builder(NAME)
                .description("HTTP requests by method, route template and status class")
                .tags("method", method, "route", route, "status", status)
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(registry);
    }
}
