/**
 * Comments: what signed-in readers write under an article, and how staff keep it civil.
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Comment</b>: a reader's text under one article; avoid: post, message, note.</li>
 *   <li><b>Reply</b>: a comment under a top-level comment. Threads are two levels deep: a reply to a
 *       reply joins the same thread. Avoid: child, sub-comment.</li>
 *   <li><b>Policy</b>: who may comment — {@code signed_in}, {@code members} or {@code nobody} — set
 *       for the site, a section or an article; the narrowest one set wins. Avoid: permission, mode.</li>
 *   <li><b>Closed</b>: the article takes no new comments (staff closed it, or it is older than the
 *       closing days of its section or the site, default 14); existing ones stay. Staff <b>reopen</b>
 *       overrides the age. Avoid: locked, archived.</li>
 *   <li><b>Held</b>: waiting for staff (a reader's first two comments, a held word, more than two
 *       links); only its author sees it. <b>Shown</b>, <b>rejected</b> are the other states.
 *       Avoid: pending, spam.</li>
 *   <li><b>Deleted</b>: the author removed it; its place stays as "Comment deleted." Avoid: removed.</li>
 *   <li><b>Report</b>, <b>ban</b>: a reader flags a comment for staff; staff stop a reader commenting.</li>
 *   <li><b>Imported</b>: a comment brought from another system ({@code importComment}, by the migration):
 *       no reader account ({@code reader_id} null, {@code readerId} 0), the author's name as given (plain
 *       text), known by its source and id there ({@code imported_from}, {@code external_id}, V155) so a
 *       re-import finds it; shown, or held when it was not approved there. Banning its author only rejects it.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.comments.Comments}: the entry class; every rule (policy, closing,
 *       moderation, rate limits, edit window) and the reply mail.</li>
 *   <li>{@code CommentText}: cleans what a reader typed (bidi and zero-width tricks), renders the
 *       Markdown subset, sanitizes with a strict OWASP policy.</li>
 *   <li>{@code CommentRows}: the SQL. {@code CommentRoutes}: the fragment and page
 *       ({@code /comments/{articleId}}, {@code ?fragment}), forms, JSON ({@code /api/v1/articles/{id}/comments})
 *       and the staff queue ({@code /admin/comments}).</li>
 *   <li>Privacy and counts: {@code exportFor}, {@code forgetReader} (anonymise as "Deleted reader" or
 *       remove), {@code auditTo} (moderation writes audit rows in its transaction), {@code count} and
 *       {@code onCountChange} (list pages render counts into cached pages; {@code app} purges
 *       {@code article:<id>}, which every list showing the article carries). {@code /admin/comments/settings}:
 *       policies and closing days per site, section and article.</li>
 *   <li>{@link news.masthead.comments.Conversation}: what one reader sees under one article.
 *       {@code public/comments.js} loads it into the article page.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * Does not own readers, sign-in or membership (accounts does; membership is a predicate given to
 * the constructor, nobody is a member until it exists), articles (newsroom), the article page and
 * its cache (site: comments never enter the cached page), or mail delivery (platform.mail). It
 * keeps a reader's address only when they ask to hear of replies, and drops it on delete; imported
 * comments carry no address at all. It does not read other systems' exports (migration does).
 */
package news.masthead.comments;
