/**
 * The editorial back office ({@code /admin}), the admin JSON API ({@code /api/admin/v1}) and the
 * public read-only content API ({@code /api/v1}).
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Editor</b>: whoever is signed in to the back office, with a role: contributor (writes
 *       and saves drafts), editor (also publishes, schedules, unpublishes, corrects, restores, keeps
 *       sections and authors), admin (everything). Avoid: user, account (the sign-in feature's words).</li>
 *   <li><b>Base revision</b>: the revision number the editor's form (or API client) started from; a
 *       save on a stale base is refused with 409 and the typed text shown again. Avoid: version, etag
 *       (except the HTTP header).</li>
 *   <li><b>Edit lock</b>: a two-minute claim on an article, taken when the editor page opens and
 *       renewed by {@code admin.js}; someone else may <b>take over</b>. Avoid: checkout, mutex.</li>
 *   <li><b>Preview</b>: the body rendered and sanitized exactly as it will be published.</li>
 *   <li><b>Diff</b>: what changed between two revisions ({@code newsroom.RevisionDiff}).</li>
 *   <li><b>API client</b>: a system calling the admin API with a bearer token. Avoid: bot, integration.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.admin.Admin}: the entry class {@code app} builds; registers routes,
 *       starts and stops {@code ScheduledPublisher} (calls {@code Newsroom.publishDue()} every 10 s on
 *       every node; the newsroom claims due rows with SKIP LOCKED).</li>
 *   <li>{@code ArticlePages} (list, editor, save/publish/schedule/unpublish, corrections, preview),
 *       {@code LockRoutes}, {@code RevisionPages} (history, diff, restore), {@code TaxonomyPages}
 *       (sections, authors, tags): thin handlers over {@code Newsroom}.</li>
 *   <li>{@code ArticleForm}: the form exactly as typed (so nothing is lost on a refusal) and its
 *       conversion to {@code ArticleDraft}. {@link news.masthead.admin.Views}: what each template shows.</li>
 *   <li>Access: the article editor, the section form and the admin API's {@code requires} field set a requirement
 *       (only names {@code site.Gate} accepts: premium, magazine, partner:&lt;slug&gt;; else 400 on {@code requires}).
 *       The content API says each article's {@code requires}; without a token a gated article's {@code bodyHtml}
 *       is its free part ({@code complete: false}); a valid token reads it in full.</li>
 *   <li>{@code AdminApi}, {@code ContentApi}: the wire shapes (records) and routes;
 *       {@code JsonBodies}: strict JSON reading (size, type, unknown fields → 400/413/415 naming the field).</li>
 *   <li>{@code Pages}: asking who is signed in, numeric path ids (else 404), rendering. {@code Times}:
 *       times shown and typed in the site's zone.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>Does not sign anyone in or check tokens: {@code app} passes {@code requireStaff} and
 *       {@code requireApiClient} (the accounts feature). Does not know the site's time zone or base
 *       URL: passed in as suppliers.</li>
 *   <li>Owns no tables and writes no SQL: every read and write goes through {@code newsroom.Newsroom},
 *       which holds the rules (validation, revisions, locks, publishing).</li>
 *   <li>Not here: the photo library and its picker endpoint ({@code /admin/photos.json}), site
 *       settings ({@code /admin/settings}), staff and token management, business back office.</li>
 * </ul>
 */
package news.masthead.admin;
