package news.masthead.platform.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import news.masthead.platform.cache.PageCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Predicate;

/**
 * What this node measures and {@code GET /metrics}, in the Prometheus text format: HTTP requests by
 * method, route template and status class; the page cache; the connection pool; the JVM.
 *
 * <p>Only a caller with {@code Authorization: Bearer <MASTHEAD_METRICS_TOKEN>}, or one that
 * {@code isAdmin} accepts (a signed-in administrator), may read it.
 */
public final class Metrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Metrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final RequestTimers requests;
    private final MetricsAccess access;

    /**
     * @param token   the bearer token that may read the metrics; null or blank: none
     * @param isAdmin whether the request comes from someone allowed in without the token
     */
    public Metrics(String token, Predicate<Context> isAdmin) {
        this.requests = new RequestTimers(registry);
        this.access = new MetricsAccess(token, isAdmin);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Where features register their own meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Times every request and serves {@code GET /metrics}. */
    public void install(JavalinConfig config) {
        config.requestLogger.http(requests::record);
        routes(config.routes);
    }

    void routes(RoutesConfig routes) {
        routes.get("/metrics", ctx -> {
            access.check(ctx);
            ctx.header("Cache-Control", "no-store")
                    .contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(registry.scrape());
        });
    }

    /**
     * Reports the pool's connections, waits and timeouts. A pool reports to one registry only; when
     * another node in this process already claimed it (tests), this one goes without.
     */
    public void watch(HikariDataSource pool) {
        if (pool.getMetricsTrackerFactory() != null || pool.getMetricRegistry() != null) {
            log.info("The connection pool {} already reports its metrics elsewhere", pool.getPoolName());
            return;
        }
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /** Reports the page cache's hits, misses, evictions, pages and bytes. */
    public void watch(PageCache cache) {
        FunctionCounter.builder("masthead.page.cache.hits", cache, PageCache::hits)
                .description("Pages served from the cache").register(registry);
        FunctionCounter.builder("masthead.page.cache.misses", cache, PageCache::misses)
                .description("Pages rendered because the cache did not hold them").register(registry);
        FunctionCounter.builder("masthead.page.cache.evictions", cache, PageCache::evictions)
                .description("Pages dropped to stay within the byte budget").register(registry);
        Gauge.builder("masthead.page.cache.pages", cache, PageCache::size)
                .description("Pages held").register(registry);
        Gauge.builder("masthead.page.cache.size", cache, PageCache::bytes).baseUnit("bytes")
                .description("Bytes held, bodies and gzip copies").register(registry);
        Gauge.builder("masthead.page.cache.max", cache, PageCache::maxBytes).baseUnit("bytes")
                .description("The byte budget").register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
