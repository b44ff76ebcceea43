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
 *     by item; <b>note</b>: what the import deliberately leaves out (spam comments, pingbacks, deleted
 *     members …) or could not do (no end date for memberships).</li>
 * <li><b>Imported comment</b>: a WordPress comment brought into the comments feature, tied to no reader
 *     account, known there by its WordPress comment id; avoid: legacy comment.</li>
 * <li><b>Member</b> (Ghost's word): a row of the members CSV, <b>paid</b>, <b>comped</b> or <b>free</b>;
 *     it becomes a reader account, and a paid or comped one a <b>complimentary membership</b> (membership's
 *     word) until its expiry or {@code --until}; avoid: subscriber, user.</li>
 * <li><b>Media</b>: an export's images (featured images, attachments, images in the text), read from the
 *     uploads folder or <b>fetched</b> by URL; avoid: assets, files (except the folder's).</li>
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
 * members ({@code MembersCsv} reads the rows, {@code GhostMembers} makes readers and grants memberships through
 * {@link news.masthead.accounts.Accounts} and {@link news.masthead.membership.Membership}).
 * {@code WordPressComments} brings a post's comments through {@link news.masthead.comments.Comments} (parents
 * first, ledger-hashed per post). {@code BodyText} turns HTML (and WordPress shortcodes and bare paragraphs) into Markdown
 * with flexmark. {@code ArticleWriter} writes one article idempotently through the
 * {@link news.masthead.newsroom.Newsroom} (create, publish at the original time, schedule, new
 * revision, redirect) against the {@code Ledger} ({@code import_items}); {@code PhotoFiles} hands
 * images from a local folder, or fetched by URL through {@link news.masthead.syndication.feedin.WebFetch}, to the
 * {@link news.masthead.newsroom.PhotoLibrary}; {@code BodyImages} does so for images in a post's HTML and points
 * them at the library's renditions. {@link news.masthead.migration.Migration.Features} says which other features
 * an import may write to (each optional: without one, that part is counted and not imported). {@code Tally}
 * gathers counts into an {@link news.masthead.migration.ImportReport}; {@code ImportRuns} keeps
 * {@code import_runs}; {@code ImportsPage} renders {@code /admin/imports} ({@code jte/migration}).
 * {@code ImportBench} is {@code bench/import/run}.
 *
 * <h2>Boundaries</h2>
 * Writes only through the entry classes of the newsroom, the photo library, comments, accounts and
 * membership (their rules, sanitizing and slugs apply); owns only {@code import_runs} and {@code import_items}.
 * Fetches from the web only images named by the export, only through {@code WebFetch} (public addresses
 * only, checked on every hop, size and time limits), and only when no uploads folder is given or
 * {@code --fetch-media} asks; files are never read from outside the folder given. Comment authors' email
 * addresses are not kept; members' Stripe customers are not moved (no payment is taken: grants are
 * complimentary). Never unpublishes, deletes or overwrites what an editor changed in Masthead; a section,
 * author, redirect, reader or membership that already exists is reused, never changed; a closing or reopening
 * staff made is never undone. Masthead's own export/import is another feature's.
 */
package news.masthead.migration;
