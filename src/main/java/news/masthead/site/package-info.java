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
 *   <li><b>Requirement</b>: the entitlement reading an article in full needs ({@code premium}, {@code magazine},
 *       {@code partner:<slug>}); an article with one is <b>gated</b>. Premium: an article or section requiring
 *       {@code premium}. Avoid: paywall (we do not wall the journalism off: the free part stays open), locked, paid.</li>
 *   <li><b>Free part</b>: what everyone reads of a gated article: headline, standfirst, lead photo and its first
 *       blocks (site setting {@code free_paragraphs}, 3 by default; never the whole body). <b>Join box</b>: what
 *       follows it for readers without the requirement. Avoid: teaser (that is a list entry), preview.</li>
 *   <li><b>Rule</b>: a requirement kept by another feature (a magazine issue's articles, a partner's), plugged into
 *       the gate by {@code app}. Avoid: hook, plugin.</li>
 *   <li><b>Variant</b>: which version of the public pages a request gets: {@code anon}, or the reader's
 *       entitlements that change a page (ad-light, premium, magazine, partner:*) joined by {@code +}. Avoid: segment.</li>
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
 *   <li>{@link news.masthead.site.Gate}: the requirement of an article (its own, its section's — both kept by the
 *       newsroom — then each registered {@code Gate.Rule}), the split into free part and the rest, what names can be
 *       required, and {@code forEveryone}: the article as feeds, the content API without a token and the search index
 *       get it. {@link news.masthead.site.Variants}: the variant of a request — no cookie, no database; a session's
 *       answer remembered 30 s at most, never past the membership's next date, dropped on the bus key
 *       {@code reader:<id>} when membership announces a change. {@link news.masthead.site.Variant},
 *       {@link news.masthead.site.JoinOffer} (the cheapest plan granting a requirement, from membership through
 *       {@code app}), {@link news.masthead.site.JoinBox}.</li>
 *   <li>{@link news.masthead.site.PhotoFigures}: how pages get a photo's responsive image and words; {@code app}
 *       implements it over the newsroom's photo library.</li>
 *   <li>{@link news.masthead.site.Labels}: short lines other features put on article pages and teasers ("In Issue 3",
 *       "From The Lakeside Ledger"), plugged in with {@code Site.addLabels}.</li>
 *   <li>{@link news.masthead.site.PageMeta}, {@link news.masthead.site.Times}, {@link news.masthead.site.Pager},
 *       {@link news.masthead.site.SectionBlock}: what the templates receive.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>Reads articles only through {@code newsroom.Newsroom} (never its tables); owns only {@code site_settings}.</li>
 *   <li>Does not render feeds or sitemaps itself: {@code syndication.Feeds} writes them, the site serves them.</li>
 *   <li>Does not cache: {@code serve} is where {@code platform.cache} plugs in; only 200 and 301 are cacheable. HTML
 *       pages are kept per (variant, path): the anonymous one is {@code public}; any other is {@code private} with
 *       {@code Vary: Cookie}, as a shared cache cannot tell variants apart. Feeds, sitemaps and robots.txt are the same
 *       for everyone (one shared copy).</li>
 *   <li>Does not know readers or plans: {@code app} hands in the session cookie, the reader's entitlements
 *       ({@code membership.Entitlements.holding}) and the join offer as functions. Stores only the free-paragraph
 *       setting ({@code site_settings.free_paragraphs}); requirements live in the newsroom's tables (V120).</li>
 *   <li>The only scripts are other features' first-party files (form token, consent, comments, appeals, ads); no
 *       third-party requests on these pages; those features may use the shared layout (and ask {@code Site.variant(ctx)}).</li>
 *   <li>Gating is server-side: a gated article's text past the free part is never in a page, feed, API answer or
 *       index entry made for someone without the requirement. Members do not find gated text by search either (the
 *       index holds only what everyone may read).</li>
 *   <li>{@link news.masthead.site.CommentCounts}: teasers show comment counts, rendered into the cached
 *       page; the comments feature purges {@code article:<id>} when a count changes.</li>
 *   <li>Its {@code /{section}} and {@code /{section}/{slug}} routes match any path of one or two segments, so
 *       {@code app} registers them last (and answers {@code /assets/{file}} before them).</li>
 * </ul>
 */
package news.masthead.site;
