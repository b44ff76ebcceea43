/**
 * What every feature uses and none owns.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Embedded database</b>: the PostgreSQL that Masthead starts in its data directory when no
 *     {@code MASTHEAD_DATABASE_URL} is set; <b>owner</b>: the server process holding
 *     {@code server.lock}; <b>orphan</b>: a postmaster left running by a killed owner.</li>
 * <li><b>Web error</b>: a request that cannot be served, with a status and words for the reader.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * {@code db}: {@code Database} (pool, JDBI, Flyway) and {@code LocalPostgres} (the embedded server's
 * life cycle). {@code web}: {@code WebError} and {@code ErrorPages}, {@code Csrf},
 * {@code SecurityHeaders}, {@code Templates}, {@code Assets}. {@code html}: {@code Markdown} and
 * {@code SafeHtml}. {@code time}: clocks. {@code cache}: the page cache and the invalidation bus.
 * {@code metrics}: Prometheus metrics. {@code audit}: {@code StaffAudit}, the interface features record
 * staff actions on readers through (implemented by the privacy feature). {@code web.Csrf} also serves
 * {@code GET /csrf}, the one token request {@code public/csrf.js} makes per page for every script.
 *
 * <h2>Boundaries</h2>
 * Nothing here knows articles, readers or money; nothing here depends on a feature.
 */
package news.masthead.platform;
