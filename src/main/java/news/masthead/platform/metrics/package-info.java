/**
 * What a node measures, served as {@code GET /metrics} in the Prometheus text format.
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Meter</b>: one named, tagged measurement (a timer, counter, gauge), as Micrometer calls
 *       it; avoid: stat, metric object.</li>
 *   <li><b>Route</b>: the template a request matched ({@code /articles/{slug}}), never the raw path;
 *       unmatched requests share {@code unmatched}, static files {@code /assets/*}. Avoid: URL,
 *       endpoint name.</li>
 *   <li><b>Metrics token</b>: {@code MASTHEAD_METRICS_TOKEN}, the bearer token a scraper sends;
 *       avoid: API key, password.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.platform.metrics.Metrics}: the entry class. Owns the Prometheus
 *       registry, binds JVM meters, {@code watch}es the connection pool and the page cache,
 *       {@code install}s the request timing and the route.</li>
 *   <li>{@code RequestTimers}: {@code http.server.requests} per method, route and status class,
 *       fed by Javalin's request logger.</li>
 *   <li>{@code MetricsAccess}: token or administrator, else 401/403.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>It does not know who is an administrator: {@code app} passes that check in from accounts.</li>
 *   <li>No push to a metrics backend, no tracing, no logs; Prometheus scrapes.</li>
 *   <li>Features add their own meters through {@code registry()}; this package does not reach into
 *       them.</li>
 * </ul>
 */
package news.masthead.platform.metrics;
