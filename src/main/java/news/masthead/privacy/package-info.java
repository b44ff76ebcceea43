/**
 * Readers' privacy rights and the publisher's records of them: a reader's data as one JSON file,
 * erasing an account, the staff audit log, and the retention job.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Export</b> (reader's words: "download your data"): one JSON file with the account, a summary of
 *     its sessions, membership (subscriptions, their history, receipts), comments (with reports, ban,
 *     reply-mail choices) and this browser's consent choices. Avoid: dump, backup, takeout.</li>
 * <li><b>Erasure</b> (reader's words: "delete your account"): subscriptions cancelled (Stripe ones at
 *     Stripe first: if Stripe refuses or cannot be reached, the erasure is refused with a 503 and
 *     nothing is erased), comments
 *     anonymised ("Deleted reader") or removed per the <b>comment erasure</b> setting, sessions and
 *     sign-in links gone, address and name blanked, a goodbye mail. The {@code readers} row stays,
 *     nameless, with {@code deleted_at}. Avoid: deactivate, close, purge (that is retention's).</li>
 * <li><b>Audit log</b>: what staff did to or about a reader (comment approve/reject/ban, complimentary
 *     grants, cancelling by staff, erasure, downloading a reader's data) and readers' own erasures:
 *     who ({@code staff:<name>} or {@code reader}), what, which reader, when. Avoid: history, activity.</li>
 * <li><b>Retention</b>: the hourly purge of used or expired sign-in links, old staff login attempts,
 *     expired staff and reader sessions, and delivered mail, after the days the <b>privacy
 *     settings</b> give (defaults 1, 1, 30). Avoid: cleanup, GC.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>{@link news.masthead.privacy.Privacy}: the entry class {@code app} builds with the entry classes
 *     of accounts, membership, comments and consent; composes their parts ({@code exportFor},
 *     {@code cancelAllFor}, {@code forgetReader}, {@code erase}) and reads none of their tables.
 *     Erasures of one reader are serialised across nodes with a PostgreSQL advisory lock.</li>
 * <li>{@code AuditLog}: the {@code staff_audit} rows; it implements {@code platform.audit.StaffAudit},
 *     which comments and membership are given ({@code auditTo}) to write audit rows in the same
 *     transaction as the action. {@link news.masthead.privacy.AuditEntry}: one line for the page.</li>
 * <li>{@link news.masthead.privacy.PrivacySettings}: the one {@code privacy_settings} row (or the
 *     defaults) and its validation. {@code Retention}: the job body, run as a {@code platform.jobs} job
 *     (one run per cluster).</li>
 * <li>{@code PrivacyPages}: {@code /account/data} (download, always the signed-in reader's own),
 *     {@code /account/delete} (typed email address + form token), {@code /account/deleted};
 *     admins only: {@code /admin/audit?reader=}, {@code /admin/privacy} (settings, find a reader, their
 *     data, delete them). Templates in {@code src/main/jte/privacy/}. Tables: V135.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 * <li>Owns no reader data: each feature exports and forgets its own. The consent log is tied to browsers,
 *     not accounts, so it is neither found by account nor erased (it stays pseudonymous); the export
 *     holds the requesting browser's choices only.</li>
 * <li>Confirmation by typed email address, not a fresh sign-in link: the session itself was opened
 *     with a link to that address, an intruder could destroy but not take over the account, and the
 *     goodbye mail tells the owner at once.</li>
 * <li>Talks to no payment provider itself: {@code Membership.cancelAllFor} cancels Stripe subscriptions
 *     at Stripe, and is called before anything else is erased.
 *     Appeal ("prompts") choices are not exported: that feature has no tables yet.</li>
 * </ul>
 */
package news.masthead.privacy;
