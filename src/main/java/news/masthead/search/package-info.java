/**
 * Full-text search over published articles.
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Index</b>: this node's Lucene index in {@code <data-dir>/search}, a projection of the
 *   published articles in PostgreSQL that can always be thrown away and rebuilt. Avoid: database, store.</li>
 *   <li><b>Generation</b>: one complete copy of the index in its own directory ({@code gen-N});
 *   {@code CURRENT} names the one in use. A rebuild makes a new generation. Avoid: version, snapshot.</li>
 *   <li><b>Follower</b>: what applies the newsroom's outbox to the index, entry by entry, and records
 *   the last applied outbox id in each commit. Avoid: indexer, sync job.</li>
 *   <li><b>Watermark</b>: the outbox id up to which everything is applied (gaps of late or rolled-back
 *   transactions included). Avoid: offset, checkpoint.</li>
 *   <li><b>Hit</b>: one article in the results, with its highlighted headline and snippet. Avoid: match, row.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.search.Search}: the entry class {@code app} builds: opens the index,
 *   starts the follower, answers {@code find}, {@code reindex}, {@code poke}, registers the routes.</li>
 *   <li>{@code Analysis}: text to terms for the site's language (stemming, stop words, accent folding).</li>
 *   <li>{@code IndexedArticle} and {@code Fields}: what an article looks like in the index; the
 *   benchmark builds documents through the same code.</li>
 *   <li>{@code IndexStore} (directories, {@code CURRENT}, clean-up), {@code Generation} (one writer and
 *   its near-real-time searchers), {@code Rebuild} (a generation from PostgreSQL).</li>
 *   <li>{@code Follower} (the polling virtual thread) and {@code OutboxCursor} (the watermark and gaps).</li>
 *   <li>{@code Finder}: the reader's words to a query that never fails, ranking, counting, highlighting.</li>
 *   <li>{@code SearchRoutes} (parameters, 400s), {@code SearchPage} and {@code search/results.jte}
 *   (the page), {@link news.masthead.search.SearchRequest} / {@link news.masthead.search.SearchResults} (the model).</li>
 *   <li>{@code SearchBench}: the benchmark behind {@code bench/search/run}.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * Search owns no tables: it reads articles only through {@code Newsroom} ({@code changesSince},
 * {@code live}, {@code publishedIdsAfter}). It does not decide what is published, nor render the
 * site's chrome (the {@code SiteFrame} is handed in), nor rank by popularity or personalise. Drafts,
 * scheduled and unpublished articles are never in the index. Only what everyone may read is: {@code app}
 * hands in the site's {@code Gate::forEveryone}, so a gated article is indexed with its free part only (its
 * snippets and matches cannot reveal the rest; members do not find it by those words either).
 */
package news.masthead.search;
