/**
 * The monthly magazine: issues that collect newsroom articles in a table of contents.
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Issue</b>: one number of the magazine: number, title, month, <b>cover</b> (a photo of the library), the
 *       <b>editor's letter</b> (Markdown) and its address {@code /magazine/<slug>}; <b>draft</b> until
 *       <b>published</b>. Avoid: edition (the ePaper's word), volume, number alone.</li>
 *   <li><b>Table of contents</b> (<b>contents</b>): the articles in order, each optionally under a
 *       <b>department</b> ("Grammar", "Travel"). One line is an {@link news.masthead.magazine.Entry}. Avoid: items,
 *       playlist, section (that word is the newsroom's).</li>
 *   <li><b>Archive</b>: {@code /magazine}, every published issue with its cover, newest month first.</li>
 *   <li><b>Requirement</b>: the entitlement an article needs to be read in full: {@code magazine} for any article
 *       in an issue, draft or published (so next month's articles are not free before the issue is out).</li>
 *   <li><b>Label</b>: "In Issue 3: Spring words" on the article page and its teasers, for published issues only.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.magazine.Magazine}: the entry class {@code app} builds: issues, contents, publishing,
 *       {@code requirementOf}, {@code labels}, routes, change listeners (surrogate keys).</li>
 *   <li>{@link news.masthead.magazine.IssueDraft}: what an editor types, checked (400 naming the field);
 *       {@code IssueRows}: the SQL of {@code magazine_issues} and {@code magazine_entries} (V150).</li>
 *   <li>{@code MagazinePages}: the public archive and issue pages, served through {@code Site.serve} with the
 *       surrogate keys {@code site}, {@code magazine}, {@code magazine:<id>} and {@code article:<id>} of each article
 *       listed; the back office at {@code /admin/magazine} (editors). {@link news.masthead.magazine.MagazineViews}:
 *       what the templates under {@code src/main/jte/magazine/} receive.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>Reads articles only through {@code newsroom.Newsroom}; covers through the site's {@code PhotoFigures}.</li>
 *   <li>Does not gate article pages: the site's gate asks {@code requirementOf} (a pluggable provider) and
 *       {@code membership.Entitlements} decides. The archive and issue pages are public and show teasers only.</li>
 *   <li>Does not cache: it tells {@code app}, through {@code onChange}, which surrogate keys a change made stale
 *       (the archive, the issue page, and the articles that entered or left the issue).</li>
 * </ul>
 */
package news.masthead.magazine;
