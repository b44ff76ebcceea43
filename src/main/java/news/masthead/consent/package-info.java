/**
 * Honest cookie consent: what the publisher declares, what readers agree to, and the guard that
 * keeps everything else out until they do.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Category</b>: necessary, preferences, analytics, advertising. Only necessary needs no
 *     consent. Avoid: purpose (that is the free text of a declaration), vendor, tier.</li>
 * <li><b>Declaration</b>: the publisher's statement that a cookie (exact name or prefix) or a
 *     first-party script (a path on this site) belongs to a category, with its purpose. Masthead's
 *     own {@code mh_…} cookies are necessary without one. An undeclared cookie is never set.
 *     Avoid: rule, whitelist.</li>
 * <li><b>Policy version</b>: a number that bumps when the policy text or any declaration changes; a
 *     choice made under another version counts for nothing, so readers are asked again.</li>
 * <li><b>Choice</b>: what one browser granted, under which policy version, with its <b>subject</b>
 *     (a random pseudonymous id that stays with the browser across choices). Avoid: opt-in,
 *     permission, user id (it is tied to no account).</li>
 * <li><b>Consent cookie</b>: {@code mh_consent} ({@code __Host-mh_consent} with secure cookies),
 *     {@code version.mask.subject.signature}, HMAC-SHA256 with a key kept in {@code consent_key};
 *     a value that does not verify is no choice at all. HttpOnly, SameSite=Lax, 180 days.</li>
 * <li><b>GPC</b>: Global Privacy Control ({@code Sec-GPC: 1}, {@code navigator.globalPrivacyControl}):
 *     a standing refusal of analytics and advertising that no click overrides.</li>
 * <li><b>Consent log</b>: time, policy version, subject, categories, GPC, banner or form. No IP
 *     address, no user agent. Avoid: audit trail (that is staff actions), tracking.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>{@link news.masthead.consent.Consent}: the entry class; what a request's browser allows
 *     ({@code allowed}), the declared scripts of a category ({@code scripts}), the policy version,
 *     recording a choice. Keeps a five-second copy of the version and declarations per node.</li>
 * <li>{@code SetCookieFilter}: the after-handler that drops every {@code Set-Cookie} the browser has
 *     not allowed. {@code ConsentCookie}: encodes, signs and verifies the cookie value.</li>
 * <li>{@code ConsentRoutes}: {@code /consent/status} (what {@code consent.js} asks: decided?, form token,
 *     scripts to load), {@code POST /consent} (JSON from the script, or a plain form),
 *     {@code /consent} (the no-script page), {@code /cookie-policy}. {@code ConsentAdminPages}:
 *     {@code /admin/consent} (declarations, policy text) and {@code /admin/consent/log.csv}
 *     ({@code LogCsv}, formula-safe). {@code ConsentRows}: every query on the four tables.</li>
 * <li>Public pages are cached for every reader, so the banner ({@code consent/banner.jte}, included by
 *     {@code site/layout.jte}) is in every page, hidden; {@code public/consent.js} shows it and loads
 *     consented scripts. No inline script anywhere.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 * <li>Does not decide who is an admin: {@code app} passes the check in (accounts decides).</li>
 * <li>Does not police third-party scripts: only first-party paths can be declared, and the CSP
 *     (platform) allows only this origin anyway. A script's own client-side cookies are the script's
 *     business once its category is granted; the filter guards what the server sets.</li>
 * <li>The privacy export asks {@code Consent.exportFor(ctx)}: the log of the subject in that browser's
 *     signed cookie only (the log names no account, so it is never erased with one). Its JSON endpoints
 *     answer errors as JSON. {@code /consent/status} never mints a form token: {@code csrf.js} does,
 *     once per page, so the comments script and this one hold the same token.</li>
 * </ul>
 */
package news.masthead.consent;
