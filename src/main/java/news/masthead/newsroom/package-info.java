/**
 * The newsroom: articles and their revisions, sections, tags, authors, photos, scheduling,
 * corrections and edit locks.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Article</b>: one story through its whole life; avoid: post, item, content.</li>
 * <li><b>Revision</b>: one immutable save of an article, numbered from 1; avoid: version (except in
 *     messages to staff), draft (a draft is a status).</li>
 * <li><b>Draft / scheduled / published / unpublished</b>: an article's status. <b>Live</b>: the
 *     published revision readers see; avoid: public copy.</li>
 * <li><b>Base revision</b>: the revision an editor started from; a save on a stale base is refused
 *     (optimistic concurrency); avoid: version check.</li>
 * <li><b>Edit lock</b>: who is editing now; advisory, expires after two minutes unless renewed, can be
 *     taken over; avoid: checkout.</li>
 * <li><b>Correction</b>: a public note appended to a live article; <b>Updated</b>: the visible time of
 *     the last live change.</li>
 * <li><b>Redirect</b>: an old public path kept when a slug or section changes.</li>
 * <li><b>Requirement</b>: the entitlement an article, or every article of a section, needs to be read in
 *     full ({@code articles.requires}, {@code sections.requires}, V120); kept here, not versioned, meant by the
 *     site's gate. Setting one (or {@code accessChanged} for rules kept elsewhere) announces the live articles
 *     as updated and writes their outbox rows.</li>
 * <li><b>Outbox</b>: the change log written in the same transaction as every live change, which each
 *     node's search index follows.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * {@link news.masthead.newsroom.Newsroom} is the entry point the admin, site, feeds and search call.
 * {@code Desk} holds the writing rules (revisions, locks, publishing); {@code Reader} the read
 * queries over live articles; {@code Listings} the back office's list of every article (any status);
 * {@link news.masthead.newsroom.RevisionDiff} what changed between two revisions (pure, no SQL);
 * {@code Taxonomy} sections, tags and authors; {@code RevisionRows} and
 * {@code Redirects} the SQL of their tables; {@code Fields} and {@code Slugs} input checks.
 * {@link news.masthead.newsroom.PhotoLibrary} owns photos and their renditions. Changes readers can see
 * are announced after commit as {@link news.masthead.newsroom.ArticleChange}s.
 *
 * <h2>Boundaries</h2>
 * No HTTP here: the admin owns forms and the API, the site owns pages. The newsroom renders Markdown to
 * sanitized HTML when a revision is saved, and never trusts HTML from outside. It does not decide who may
 * publish (the admin checks roles) nor what is cached (the site maps changes to cache keys).
 */
package news.masthead.newsroom;
