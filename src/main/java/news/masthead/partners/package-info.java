/**
 * Partner publications: other newsrooms whose articles we republish for members, labelled "From &lt;Partner&gt;".
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Partner</b>: a publication we have an agreement with: name, slug, logo, site, <b>licence terms</b>, the
 *       section its articles land in, an optional <b>feed</b> and its <b>health</b>. Its entitlement is
 *       {@code partner:<slug>}. Avoid: source (feed import's word), provider, syndicator.</li>
 *   <li><b>Story</b>: one article as the partner sends it, known by the partner's <b>guid</b>, with the address of the
 *       <b>original</b>, the partner's <b>byline</b> and date. Avoid: item (except of a feed), post.</li>
 *   <li><b>Arrival</b>: what became of a story: <b>created</b> (a new article, published with the partner's date),
 *       <b>updated</b> (a new revision, made live) or <b>unchanged</b>.</li>
 *   <li><b>Removed</b>: taken down because the partner took it down: by the API's remove call, or because the
 *       original answers 404 or 410 when checked. A story that merely leaves the feed is <em>not</em> removed (a
 *       feed is a window of recent items). Avoid: deleted (nothing is deleted).</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.partners.Partners}: the entry class {@code app} builds: partners, {@code receive},
 *       {@code pollNow} / {@code pollDue}, {@code requirementOf}, {@code labels}, routes.</li>
 *   <li>{@code PartnerDesk}: one story to one article, idempotently (mark, create or save through the newsroom,
 *       record; an interrupted store is adopted, not doubled). {@code FeedPoll}: one poll of one partner's feed
 *       (lease, read through {@code FeedImport.read}, store each item, check a few that left the window, health and
 *       backoff); {@code FeedText}: a feed item's HTML as literal Markdown.</li>
 *   <li>{@code PartnerApi}: {@code PUT /api/admin/v1/partners/{slug}/articles} (create or update by guid),
 *       {@code GET …?guid=}, {@code POST …/articles/remove}; strict JSON, 400 naming the field.
 *       {@code PartnerPages}: {@code /admin/partners} (admins change, editors look and poll).</li>
 *   <li>{@code PartnerRows}, {@code PartnerArticleRows}: the SQL of {@code partners} and {@code partner_articles} (V151).</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>Stores articles only through {@code newsroom.Newsroom}; the article's canonical link and source line point to
 *       the original; no newsroom authors are made up (the byline is a label).</li>
 *   <li>Fetches and parses nothing itself: {@code syndication.feedin.FeedImport} reads feeds and checks pages with its
 *       safe fetcher (address checks, timeouts, size cap, DOCTYPEs refused), and runs {@code pollDue} with its
 *       cluster-wide db-scheduler job ({@code alsoOnEachPoll}), so there is no second scheduler.</li>
 *   <li>Does not gate pages: the site's gate asks {@code requirementOf}. Does not copy partners' images.</li>
 * </ul>
 */
package news.masthead.partners;
