/**
 * The public site: what a reader sees in a browser.
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Front page</b>: {@code /}, the lead story, the latest list and a block per section. Avoid: index, landing.</li>
 *   <li><b>Section front</b>: {@code /{section}}, a section's articles, newest first, paginated. Avoid: category page.</li>
 *   <li><b>Lead story</b>: the newest article, shown big on the front page. <b>Lead photo</b>: an article's main
 *       photo, shown as a <b>figure</b> (responsive image + caption + "photo credit"). Avoid: hero, thumbnail.</li>
 *   <li><b>Site settings</b>: name, tagline, logo, language (BCP-47), time zone, footer text; one row. Times on
 *       pages are shown in the site's zone. Avoid: config, options.</li>
 *   <li><b>Page</b>: a rendered public response (HTML, feed or sitemap) with its <b>surrogate keys</b>, the
 *       labels ({@code article:42}, {@code section:world}, {@code home}, {@code feeds}, {@code sitemaps},
 *       {@code site} …) whose change makes it stale. Avoid: tags (that word is the newsroom's).</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.site.Site}: the entry class {@code app} builds. Registers the public routes, and sends
 *       every public GET through {@code serve} (ETag, 304, Cache-Control, Surrogate-Key) — the one place a page
 *       cache goes in front. Reads and updates {@link news.masthead.site.SiteSettings}; tells which surrogate keys
 *       a newsroom change affects ({@code invalidationKeys}).</li>
 *   <li>{@code Pages}: builds each page from the newsroom's public API and renders the jte templates under
 *       {@code src/main/jte/site/} in the shared {@code layout.jte}; {@code SettingsRows}: the one SQL row and its
 *       validation; {@code Keys}: surrogate key names.</li>
 *   <li>{@link news.masthead.site.PhotoFigures}: how pages get a photo's responsive image and words; {@code app}
 *       implements it over the newsroom's photo library.</li>
 *   <li>{@link news.masthead.site.PageMeta}, {@link news.masthead.site.Times}, {@link news.masthead.site.Pager},
 *       {@link news.masthead.site.SectionBlock}: what the templates receive.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>Reads articles only through {@code newsroom.Newsroom} (never its tables); owns only {@code site_settings}.</li>
 *   <li>Does not render feeds or sitemaps itself: {@code syndication.Feeds} writes them, the site serves them.</li>
 *   <li>Does not cache: {@code serve} is where {@code platform.cache} plugs in; only 200 and 301 are cacheable.</li>
 *   <li>{@link news.masthead.site.CommentCounts}: teasers show comment counts, rendered into the cached
 *       page; the comments feature purges {@code article:<id>} when a count changes.</li>
 *   <li>The only scripts are other features' first-party files (form token, consent, comments); no third-party requests on these pages; search, comments, appeals and ads are other
 *       features that may use the shared layout.</li>
 *   <li>Its {@code /{section}} and {@code /{section}/{slug}} routes match any path of one or two segments, so
 *       {@code app} registers them last (and answers {@code /assets/{file}} before them).</li>
 * </ul>
 */
package news.masthead.site;
