/**
 * Feed import: other publications' RSS, Atom and JSON feeds, polled on a schedule, their items stored as
 * articles in the newsroom with a canonical link to the source and an attribution line.
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Source</b>: one subscribed feed with its settings (section, attribution, licence, land as draft or
 *       published, fetch full page, internal) and its <b>health</b> (last success, last error, failures in a
 *       row, next poll). Avoid: subscription (except in prose), channel, provider.</li>
 *   <li><b>Item</b>: one entry of a source's feed, known by its <b>guid</b> (RSS guid, Atom id, JSON Feed id;
 *       the link when the feed gives none). Its outcome is <b>imported</b>, <b>updated</b>, <b>duplicate</b>,
 *       <b>kept</b> (changed at the source but edited here, so not overwritten) or <b>failed</b>. Avoid: post,
 *       entry (Rome's word), story (the text).</li>
 *   <li><b>Poll</b>: one conditional fetch of a source and the import of its items; <b>due</b> when its
 *       {@code next_poll_at} has come; <b>backoff</b>: the doubling wait after failed polls. Avoid: sync, crawl.</li>
 *   <li><b>Internal</b>: a source on our own network, allowed to reach private addresses (admins only).</li>
 *   <li><b>Near-duplicate</b>: an item whose text is, by MinHash estimate, mostly the text of an article
 *       imported from another source in the last week. Avoid: clone, copy.</li>
 *   <li><b>Attribution line</b>: the article's {@code sourceName}: the source's attribution text, the item's
 *       authors ("By …") and the licence.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.syndication.feedin.FeedImport}: the entry class {@code app} builds: sources, item
 *       log, {@code pollNow}, {@code pollDue}, routes, start/close of the job.</li>
 *   <li>{@code Poller}: one poll of one source (lease, fetch, read, import each item, health and backoff).</li>
 *   <li>{@code ItemImporter}: one item to one article, idempotently (mark, store through the newsroom,
 *       record; adopt the article after an interrupted store); {@code StoryText} turns HTML into literal
 *       Markdown; {@code NearDuplicates} the MinHash.</li>
 *   <li>{@code SafeFetcher}: outbound GETs (scheme allow-list, each hop's host resolved once and checked, the
 *       connection made to exactly that address by {@code PinnedRequest} — HTTP/1.1 over a socket, TLS with SNI
 *       and the certificate checked for the name — manual redirects, timeouts, size cap); thread-safe, stateless.
 *       {@link news.masthead.syndication.feedin.WebFetch}: its public form for other features (migration's images).
 *       {@code LeadPhotos}: an item's lead photo (the extractor's image with its caption and credit, else the
 *       feed's enclosure or {@code media:content}) into the photo library; {@code TextDecoding}: bytes to text (BOM, declaration, header);
 *       {@code FeedReader}: RSS/Atom through Rome with DOCTYPEs refused, JSON Feed through Jackson.</li>
 *   <li>For other features (partner publications), {@code FeedImport} also offers {@code read} (one safe fetch and
 *       read of a feed as a {@link news.masthead.syndication.feedin.FeedWindow} of public
 *       {@link news.masthead.syndication.feedin.FeedEntry}s, nothing stored), {@code statusOf} (the HTTP status a
 *       page answers now) and {@code alsoOnEachPoll} (run a job with the poll job, once per run in the cluster).</li>
 *   <li>{@code Sources}, {@code Items}: the SQL of {@code feed_sources} and {@code feed_items}.
 *       {@code PollSchedule}: the recurring poll job, run by the node's {@code platform.jobs.Jobs}. {@code FeedPages} and {@code FeedViews}: the
 *       admin pages under {@code /admin/feeds}.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>Stores articles only through {@code newsroom.Newsroom} (create, publish, save); never touches the
 *       newsroom's tables. Imported articles have no newsroom authors: the item's authors go into the
 *       attribution line instead of inventing author records.</li>
 *   <li>Does not extract: pages are handed to {@code syndication.extract.ArticleExtractor}.</li>
 *   <li>Does not delete or unpublish: an item that leaves its feed leaves its article as it is.</li>
 *   <li>Images: only an item's lead photo is copied (with a photo library wired), credited as the page credits
 *       it or else to the source's attribution, under the source's licence; images inside the text are not.
 *       A photo that cannot be fetched never fails its item.</li>
 *   <li>Does not decide who is signed in: {@code requireStaff} comes from {@code app}.</li>
 * </ul>
 */
package news.masthead.syndication.feedin;
