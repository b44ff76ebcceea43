/**
 * First-party ads: house and direct-sold creatives in the theme's slots, suppressed for readers with
 * the {@code ad-light} entitlement, counted in aggregate. No third-party code, no cookies, no
 * personal tracking.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Creative</b>: one ad: an image, its link, its alt text, the slot it shows in, its weight,
 *     its schedule (start, end; UTC) and whether it is active. Avoid: banner (that is one shape),
 *     campaign, placement, unit.</li>
 * <li><b>House ad</b>: the publication's own (membership, ePaper); <b>sold</b> (direct-sold): an
 *     advertiser's, sold by our own staff. Avoid: promo, sponsored content (that is editorial).</li>
 * <li><b>Slot</b>: where on a page an ad may show, with its box size: {@code top} (728 × 90, under
 *     the masthead), {@code in-article} (300 × 250, after paragraph N), {@code sidebar} (300 × 250,
 *     beside or after the article). Avoid: zone, position.</li>
 * <li><b>Box</b>: the empty, fixed-size element a cached page carries for a slot, labelled
 *     "Advertisement" once filled. Avoid: placeholder, container.</li>
 * <li><b>Rotation</b>: which creative fills a slot on one page view: a draw weighted by
 *     <b>weight</b> (1–100) among the slot's creatives in schedule. Avoid: auction, targeting (there
 *     is none).</li>
 * <li><b>Impression</b>: a creative sent to a browser to fill a box; <b>click</b>: a reader following
 *     it through {@code /ads/c/{id}}. Both counted per creative and UTC day only. Avoid: view, hit,
 *     conversion (the appeals' word).</li>
 * <li><b>Ad-light</b>: the entitlement that makes the site "almost ad-free": per site setting, no
 *     ads at all or one house ad in the gentlest slot the page has (sidebar, then in-article, then top).</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>{@link news.masthead.ads.Ads}: the entry class {@code app} builds; {@code slotsShown} (which
 *     boxes a page for some entitlements carries), {@code placeInArticle} (the in-article box on the
 *     server), the admin's operations, the per-node snapshot of creatives in rotation (5 s, dropped on
 *     an edit here), the counts writer.</li>
 * <li>{@code Rotation}: the rules, pure (time and dice passed in): weighted draw, schedule, ad-light.
 *     {@code InArticle}: the box after paragraph N. {@code Tally}: impressions and clicks counted in
 *     memory and added to the day's row every 10 s and at shutdown (commutative, so every node flushes
 *     its own).</li>
 * <li>{@code CreativeDraft}: the admin form validated (each problem a 400 naming its field; links
 *     http(s) with a host and no user name, or a path on this site). {@code CreativeRows}: every query.
 *     {@link news.masthead.ads.AdminView}: what the admin shows of a creative.</li>
 * <li>{@code AdPages}: the thin routes: {@code GET /ads/fill?slots=…} (per reader, never cached,
 *     counts impressions), {@code GET /ads/c/{id}} (counts, 302 to the stored link only), and
 *     {@code /admin/ads} (list with counts, new, edit, delete-if-never-shown, settings) rendering
 *     {@code src/main/jte/ads/*}. {@code ads/slot.jte} is the box site templates include;
 *     {@code public/ads.js} fills the boxes.</li>
 * <li>Tables (V125): {@code ad_creatives}, {@code ad_daily_counts}, {@code ad_settings} (one row).</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 * <li>Images are photos in the newsroom's {@code PhotoLibrary}: it sniffs the bytes (JPEG, PNG, WebP
 *     only), refuses decompression bombs by their declared size, re-encodes (so nothing but pixels
 *     reaches readers), stores in PostgreSQL and serves first-party, immutable renditions. We add a
 *     2 MB limit and the caption "Advertisement: …". The price: ads appear in the photo library.</li>
 * <li>Who is reading and what they may get is not ours: {@code app} passes a function from request
 *     to entitlements (accounts + {@code membership.Entitlements}).</li>
 * <li>The page cache and its variants are the site's: pages carry boxes, never creatives, so a
 *     cached page never freezes a rotation or an impression count. Pages for the ad-light variant
 *     should leave out the boxes {@code slotsShown} does not list (until then ads.js hides the empty
 *     ones).</li>
 * <li>No consent needed: no cookies, no identifiers, nothing leaves the site. No targeting, no
 *     frequency capping per reader, no reporting per reader, no third-party ad code.</li>
 * </ul>
 */
package news.masthead.ads;
