/**
 * Staff and reader accounts: who may use the admin and the API, who is reading, and how each proves it.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Staff member</b>: a person who works on the site and signs in to the admin with an email and a
 *     password. Avoid: user (ambiguous with readers), admin (that is a role).</li>
 * <li><b>Reader</b>: a person who reads the site and has signed in with a link; has an email address and
 *     an optional display name. Avoid: user, member (that is membership's word, for a paying reader),
 *     subscriber, customer.</li>
 * <li><b>Sign-in link</b>: the single-use address with a random token that we mail; its purpose is
 *     <i>sign-in</i> (signing up is simply the first sign-in) or <i>email change</i> (sent to the new
 *     address). Lives 20 minutes. Avoid: magic link (fine in speech, not in code), OTP, code.</li>
 * <li><b>Reader session</b>: like a staff session, in {@code reader_sessions}; ends after 30 days idle or
 *     180 days, or for all of a reader's browsers at once with <b>sign out everywhere</b>.</li>
 * <li><b>Role</b>: contributor &lt; editor &lt; admin; each includes the ones before it. Avoid: permission,
 *     group, level.</li>
 * <li><b>Session</b>: a signed-in browser, held in the database and named by a random cookie value whose
 *     SHA-256 is all we store. Ends after 12 h idle or 7 days, whichever is first. Avoid: login (that is
 *     the act), token (that is the API's).</li>
 * <li><b>Sign in / sign out</b>: the acts. Avoid: log on, authenticate (in user-facing words).</li>
 * <li><b>Link request</b>: asking for a sign-in link; at most 3 per address and 10 per IP in 15 minutes,
 *     counted from {@code sign_in_links}. The answer never says whether an account exists.</li>
 * <li><b>Login attempt</b>: one try at signing in, kept a day for the <b>rate limit</b> (5 failures per
 *     email, 20 per IP address, in 15 minutes). Avoid: throttle, lockout (nothing is locked for good).</li>
 * <li><b>API token</b> / <b>API client</b>: the bearer secret {@code mh_…} a program sends, and the
 *     named program it stands for. Revoked tokens stop working on every node at once. Avoid: API key.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>{@link news.masthead.accounts.Accounts}: the entry class {@code app} builds and other features call
 *     ({@code requireStaff}, {@code requireApiToken}, {@code currentStaff}, {@code addStaff},
 *     {@code createApiToken}); it holds the sign-in rule and the session cookie.</li>
 * <li>{@code AccountPages}: the routes (sign-in, sign-out, {@code /admin}, {@code /admin/staff},
 *     {@code /api/v1/whoami}); thin, renders {@code src/main/jte/accounts/*}.</li>
 * <li>{@code Sessions}, {@code LoginAttempts}, {@code ApiTokens}, {@code StaffRows}: the rows and queries
 *     of {@code staff_sessions}, {@code login_attempts}, {@code api_tokens}, {@code staff}, each with its
 *     time rules (all time comes from the injected {@code Clock}).</li>
 * <li>Readers: {@code Readers} holds the rules (asking for a link, using it, email change, names) and
 *     writes each link and its mail ({@code platform.mail.Mailer}) in one transaction;
 *     {@code ReaderPages} the routes ({@code /account/...}, {@code /api/v1/me}) rendering
 *     {@code src/main/jte/accounts/readers/*} in the public layout; {@code SignInLinks} (single use,
 *     expiry, rate limit), {@code ReaderSessions}, {@code ReaderRows} the rows. {@code Accounts} keeps the
 *     reader cookie, {@code currentReader}/{@code requireReader}, and the hourly purge of expired links
 *     and sessions. {@code Accounts.importReader} finds or makes a reader for an import (Ghost's
 *     members): no mail, no session, the address unverified until its first sign-in.</li>
 * <li>{@code Passwords}: argon2id hashing (password4j) and the length rule; {@code Secrets}: random values
 *     and their SHA-256.</li>
 * <li>Public values: {@link news.masthead.accounts.Reader}, {@link news.masthead.accounts.StaffMember},
 *     {@link news.masthead.accounts.Role},
 *     {@link news.masthead.accounts.ApiClient}.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 * <li>Does not own CSRF: the platform's double-submit cookie ({@code platform.web.Csrf}) guards every
 *     form, the sign-in form included.</li>
 * <li>Readers: no membership, plans, payments, entitlements or receipts here (membership owns them; the
 *     account page shows what membership renders for it, given with {@code showMembershipWith}, and
 *     {@code readerForEmail} makes an unverified account when staff grant a membership to a new address).
 *     Export and erasure are the privacy feature's to compose: accounts gives {@code exportFor},
 *     {@code erase} (sessions and links deleted, address and name blanked, {@code deleted_at} set) and
 *     the retention purges ({@code purgeSignInLinks}, {@code purgeLoginAttempts},
 *     {@code purgeStaleStaffSessions}, {@code purgeStaleReaderSessions}). Mail delivery belongs to
 *     {@code platform.mail}.</li>
 * <li>No password reset or staff editing in the browser yet: staff are added with
 *     {@code masthead user add}. The client IP is Jetty's remote address; behind a proxy the rate limit
 *     per address needs the proxy's forwarded address (not handled here).</li>
 * <li>The admin sections linked from {@code /admin} belong to their own features.</li>
 * </ul>
 */
package news.masthead.accounts;
