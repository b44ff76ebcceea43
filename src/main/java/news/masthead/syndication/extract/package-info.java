/**
 * Clean article extraction: from the raw HTML of a news page to its headline, metadata and body
 * text, without navigation, appeals, notices, share bars, related links, captions or comments.
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Page</b>: the HTML of one web page as fetched; may be broken, empty or not an article.</li>
 *   <li><b>Article</b>: what the extractor returns ({@link news.masthead.syndication.extract.ExtractedArticle});
 *       its <b>body</b> is the list of paragraphs, its <b>text</b> the body joined by newlines
 *       (schema.org {@code articleBody}).</li>
 *   <li><b>Structured data</b>: the page's JSON-LD (schema.org) objects; the <b>reference text</b> is the
 *       {@code articleBody} found there, used to confirm DOM blocks. Avoid: "schema", "metadata" for this.</li>
 *   <li><b>Block</b>: a run of text a reader sees as a unit (paragraph, heading, list item, table row,
 *       loose text of a {@code div}), owned by its nearest block-level element. Avoid: "node", "chunk".</li>
 *   <li><b>Link density</b>: share of a block's characters inside links; menus are near 1, prose near 0.</li>
 *   <li><b>Boilerplate</b>: page text that is not the story. <b>Pruned</b> boilerplate is removed from the
 *       DOM (scripts, hidden elements, appeal boxes); <b>marked</b> boilerplate (chrome tags, telling
 *       class names) stays in the DOM and only counts against the containers above it.</li>
 *   <li><b>Appeal</b>: a box that addresses the reader (donation request, cookie notice, newsletter
 *       sign-up, "Comments are closed."), recognised by its wording.</li>
 *   <li><b>Root</b>: the element chosen as the story container; the body is read from the blocks
 *       inside it.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.syndication.extract.ArticleExtractor}: public entry point; parses with jsoup
 *       and runs the steps below in order.</li>
 *   <li>{@code StructuredData}: finds the article object among the JSON-LD blocks ({@code @graph}, arrays).</li>
 *   <li>{@code PageMetadata}: headline, standfirst, bylines, dates, image, canonical URL, language, from
 *       structured data first, then meta tags, then visible markup; runs before any pruning.
 *       {@code PublicationDate} turns the many date shapes into ISO-8601.</li>
 *   <li>{@code BoilerplateFilter} (with {@code AppealDetector}): prunes and marks boilerplate.</li>
 *   <li>{@code BlockSegmenter}: cuts the pruned DOM into {@code Block}s in one pass.</li>
 *   <li>{@code BlockScorer}: weighs blocks, sums them up the tree and picks (then widens) the root.</li>
 *   <li>{@code ContentSelector}: turns the root's unmarked blocks into paragraphs, dropping captions,
 *       link lines, labels and calls to action.</li>
 *   <li>{@code ReferenceText}: word-normalised JSON-LD body for confirming blocks.</li>
 *   <li>{@link news.masthead.syndication.extract.ExtractCli} and {@code PageReader}: the
 *       {@code extract --format json FILE...} command (gzip, charset detection, JSON output).</li>
 *   <li>{@link news.masthead.syndication.extract.ExtractBench}: single-thread throughput measurement.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>No fetching: callers pass HTML they already have; nothing here opens a network connection.</li>
 *   <li>No storing or caching: every call starts from the given HTML and returns a value.</li>
 *   <li>No JavaScript: pages that render their story only by script yield their JSON-LD body or nothing.</li>
 *   <li>No site-specific rules: everything is decided by general markup and text signals, so pages from
 *       sites never seen behave like the ones tested.</li>
 *   <li>No paging: multi-page articles give the text of the page at hand only.</li>
 *   <li>Thread safety: extractor instances hold no mutable state; one may serve many threads.</li>
 * </ul>
 */
package news.masthead.syndication.extract;
