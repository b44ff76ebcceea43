/**
 * The demo newspaper that {@code masthead demo} loads: a fictional national daily with hand-written
 * front-page stories, generated filler, painted photos and a staff account to sign in with.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Demo content</b>: everything a demo load writes; loaded once, marked finished in the
 *     {@code demo_content} row; avoid: seed data, fixtures (those are tests').</li>
 * <li><b>Hand-written article</b>: one of the fifteen stories written for the demo (three of them Premium, in the
 *     Premium section or marked {@code requires: premium}), kept as Markdown
 *     under {@code /demo/articles/}; they go through the {@code Newsroom} like an editor's work.</li>
 * <li><b>Filler</b>: generated articles, numbered from 1; number {@code n} is always the same article
 *     (slug ends in {@code -n}); avoid: fake, dummy, lorem.</li>
 * <li><b>Bulk load</b>: writing filler with {@code COPY}, a batch per transaction, for benchmarks up to
 *     a million articles.</li>
 * <li><b>Picture</b>: a painted image (Java2D, 1600×1000 JPEG, same bytes for the same seed); it becomes
 *     a library photo with a caption and credit; the <b>pool</b> is the pictures filler shares.</li>
 * <li><b>Desk / writer</b> (in {@code Newspaper}): the demo's sections and journalists.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * {@link news.masthead.app.demo.DemoContent} is the entry the {@code demo} command calls: it makes the
 * demo staff account through {@code Accounts}, sections and authors through the {@code Newsroom},
 * pictures through {@code PictureDesk} (painted by {@code PhotoPainter}, uploaded to the
 * {@code PhotoLibrary}, remembered by seed in {@code demo_photos}), publishes {@code HandWritten} stories on a
 * settable clock moved to each story's time, then has {@code BulkLoader} write {@code Filler} articles
 * (text from the word banks in {@code Beats}), and marks the load finished.
 *
 * <h2>Boundaries</h2>
 * Hand-written stories, photos and the staff account go through the entry classes of the newsroom
 * ({@code Newsroom}, {@code PhotoLibrary}) and of accounts ({@code Accounts}). The bulk load is the one deliberate
 * exception: it writes the newsroom's article tables directly, keeping the newsroom's invariants (one
 * revision, current = published, rendered HTML equal to the renderer's, live projection, outbox row),
 * because per-article calls are too slow for a million. It never changes or deletes anything a
 * previous load or an editor wrote. It serves nothing and is not used outside the {@code demo} command.
 */
package news.masthead.app.demo;
