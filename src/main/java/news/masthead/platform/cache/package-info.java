/**
 * The fast request path: rendered public pages kept in memory, and the bus that tells every node
 * when to drop them.
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Page</b>: the bytes of one public response as served (HTML, a feed); avoid: response,
 *       document, entry.</li>
 *   <li><b>Variant</b>: which readers a page is for (anonymous, member …), a handful of values and
 *       never one reader; part of the cache key. Avoid: user, session, flavour.</li>
 *   <li><b>Key</b>: variant plus the normalized path plus the query parameters the handler declares
 *       significant ({@link news.masthead.platform.cache.PageCache#key}). Avoid: URL, id.</li>
 *   <li><b>Surrogate key</b>: a label of content a page was built from ({@code article:42},
 *       {@code section:world}, {@code home}, {@code feeds}); a page carries several and sends them
 *       in {@code Surrogate-Key} so a CDN can purge by them too. Avoid: tag (a newsroom term),
 *       topic.</li>
 *   <li><b>Invalidate</b>: drop every page carrying a surrogate key, on every node; avoid: purge
 *       (what a CDN does), evict (what the byte budget does), flush.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.platform.cache.PageCache}: the map of pages, the byte budget with
 *       least-recently-served eviction, hit and miss counts, and {@code serve}, which writes a page
 *       with ETag/304, gzip and its headers straight to the servlet response. {@code getOrRender} is
 *       what a site handler calls.</li>
 *   <li>{@link news.masthead.platform.cache.CachedPage}: one page with its gzip copy, ETags and
 *       header values computed once; {@link news.masthead.platform.cache.Rendered}: what a handler
 *       hands over.</li>
 *   <li>{@link news.masthead.platform.cache.InvalidationBus}: {@code publish} (standalone, or on the
 *       writer's JDBI handle so it is heard only on commit), in-process listeners, and one
 *       dedicated {@code LISTEN} connection per node that reconnects with backoff and drops
 *       everything after a gap.</li>
 *   <li>{@code Encodings} reads {@code Accept-Encoding} and {@code If-None-Match};
 *       {@code SurrogateKeys} says what a surrogate key may look like.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>It does not decide what to cache, which variant a reader gets, or which surrogate keys a
 *       change touches: the site and the newsroom do, and the newsroom publishes.</li>
 *   <li>Per-reader bits (account menu, appeals, comment form state) never go in a cached page; they
 *       come from a small JSON endpoint.</li>
 *   <li>It does not purge a CDN; it only sends {@code Cache-Control} and {@code Surrogate-Key}.</li>
 *   <li>It owns no tables: {@code NOTIFY} on {@value news.masthead.platform.cache.InvalidationBus#CHANNEL}
 *       is the only thing it asks of PostgreSQL.</li>
 * </ul>
 */
package news.masthead.platform.cache;
