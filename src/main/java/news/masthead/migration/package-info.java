/**
 * Migration: bringing a newspaper's archive over from WordPress (a WXR export) or Ghost (a JSON
 * export), through the newsroom, safely and more than once.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Export</b>: the file another system wrote (WXR XML, Ghost JSON, Ghost's members CSV); avoid:
 *     dump, backup.</li>
 * <li><b>Item</b>: one thing in an export (a category, an author, a post, a page, an image) and its
 *     <b>source id</b> there (WordPress post id, category nicename, author login; Ghost object id);
 *     avoid: record, entity, row.</li>
 * <li><b>Import</b> (or <b>run</b>): reading one export once; listed at {@code /admin/imports} with its
 *     counts; avoid: job, sync.</li>
 * <li><b>Ledger</b>: what each item became (its <b>target</b>, e.g. an article id, and the revision
 *     written) with the item's <b>content hash</b>; a <b>pending</b> entry (no target yet) is an item
 *     whose write was cut short, which the next run <b>repairs</b> by finding what was written;
 *     avoid: mapping cache, state.</li>
 * <li><b>Created / updated / skipped / failed</b>: what happened to an item; <b>problem</b>: why, item
 *     by item; <b>note</b>: what the import deliberately leaves out (comments, members).</li>
 * <li><b>Unusable export</b>: a file that cannot be read at all (not well-formed, cut short, a DOCTYPE,
 *     an RSS feed instead of WXR, JSON that is not a Ghost export); nothing is written from it.</li>
 * <li><b>Old address</b>: a post's path on the old site, kept as a newsroom redirect to its new path;
 *     avoid: permalink (WordPress's own word, fine in messages).</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * {@link news.masthead.migration.Migration} is the entry point (the CLI's {@code import} command and
 * the admin page call it). {@code WxrReader} streams WXR through {@code SafeXml} (hardened StAX) into
 * {@code WxrItem}s; {@code WordPressImport} reads the file twice (authors, categories, attachments
 * first; then posts and pages one by one); {@code GhostImport} reads Ghost JSON, {@code GhostContent}
 * takes text from Lexical/Mobiledoc when a post has no HTML, {@code MembersCsv} checks and counts
 * members. {@code BodyText} turns HTML (and WordPress shortcodes and bare paragraphs) into Markdown
 * with flexmark. {@code ArticleWriter} writes one article idempotently through the
 * {@link news.masthead.newsroom.Newsroom} (create, publish at the original time, schedule, new
 * revision, redirect) against the {@code Ledger} ({@code import_items}); {@code PhotoFiles} hands
 * images from a local folder to the {@link news.masthead.newsroom.PhotoLibrary}. {@code Tally}
 * gathers counts into an {@link news.masthead.migration.ImportReport}; {@code ImportRuns} keeps
 * {@code import_runs}; {@code ImportsPage} renders {@code /admin/imports} ({@code jte/migration}).
 * {@code ImportBench} is {@code bench/import/run}.
 *
 * <h2>Boundaries</h2>
 * Writes only through the newsroom and the photo library (their rules, sanitizing and slugs apply);
 * owns only {@code import_runs} and {@code import_items}. Never fetches anything from the web: images
 * come from a folder the operator gives, and are never read from outside it. Does not import comments
 * (Masthead has none yet) or members (no memberships yet): it counts them and says so. Never
 * unpublishes, deletes or overwrites what an editor changed in Masthead; a section, author or redirect
 * that already exists is reused, never changed. Masthead's own export/import is another feature's.
 */
package news.masthead.migration;
