/**
 * Appeals: the "Dear Reader" prompts that ask readers to support the journalism, honestly and not
 * too often, and honour exactly what each reader answers.
 *
 * <h2>Language</h2>
 * <ul>
 * <li><b>Appeal</b>: what staff write: signatories, the plan it offers (its benefits are listed),
 *     a <b>format</b> (dialog with X, bottom banner, inline after paragraph N), targeting, a
 *     schedule and an active switch. Avoid: prompt (fine in speech), popup, nag, campaign.</li>
 * <li><b>Variant</b>: one copy of an appeal (title, Markdown text, call to action) with a weight,
 *     its share of the traffic. A browser keeps its variant (a hash of its seed, or of the reader
 *     once signed in). Avoid: version, arm, test.</li>
 * <li><b>Close</b> (X, or Esc): hides it for this visit (the tab's session storage).
 *     <b>Snooze</b>: "Show me later", hidden until the snooze ends (default 7 days).
 *     <b>Dismissal</b>: "Don't show it again", that appeal never again; "No appeals at all" dismisses
 *     every appeal. Avoid: defer, hide, mute, opt-out.</li>
 * <li><b>Browser state</b>: what one browser remembers in {@code localStorage} ({@code mh_appeal}):
 *     first seen, article views of 30 days, views since the last appeal, appeals shown in the last
 *     day, snoozes, dismissals, the variant seed. Sent with each request, checked, never trusted.
 *     A signed-in reader's snoozes and dismissals are also kept on the account (<b>account choices</b>)
 *     and honoured on every device; those made before signing in are <b>carried</b> to it.</li>
 * <li><b>Caps</b> ({@link news.masthead.appeals.FrequencyCaps}): at most one appeal per N article
 *     views and per day, site-wide. Avoid: throttle, rate limit (that is abuse control).</li>
 * <li><b>New / returning</b>: a browser first seen less than a day ago is new.</li>
 * <li><b>Impression, close, snooze, dismissal, click, conversion</b>: the counts, per appeal,
 *     variant and day (UTC); never per reader. A <b>conversion</b> is a subscription started after
 *     the call to action ({@code /membership?appeal=<id>&variant=<v>}, carried through checkout as the
 *     attribution {@code appeal:<id>:<v>}). Avoid: tracking, analytics.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>{@link news.masthead.appeals.Appeals}: the entry class {@code app} builds; the view
 *     ({@code next}), the reader's answer, carrying choices to the account, conversions, the staff
 *     operations and the demo appeal.</li>
 * <li>{@code AppealRules}: the decision, pure, time passed in: caps, schedule, section, views,
 *     audience, entitlements, dismissals, snoozes, closes, the sticky variant.
 *     {@code BrowserState}: parsing what the browser sent (anything) into what can be trusted.</li>
 * <li>{@code AppealDraft}: the admin form checked, each problem a 400 naming its field.
 *     {@code AppealRows}: every query. {@link news.masthead.appeals.Results} and
 *     {@link news.masthead.appeals.ConversionChart}: the figures and the server-rendered SVG.</li>
 * <li>{@code AppealPages}: the routes, thin: {@code GET /appeals/next?section=&state=&closed=}
 *     (JSON: {@code now}, the state to keep, the appeal's server-rendered markup),
 *     {@code POST /appeals/answer}, {@code POST /appeals/carry}, {@code GET /appeals/token} (a fresh
 *     CSRF token after a first-visit race), and {@code /admin/appeals} (list, caps, form, results).
 *     Templates in {@code src/main/jte/appeals/}.</li>
 * <li>{@code public/appeal.js} (on article pages, linked by {@link news.masthead.appeals.Appeals#SCRIPT_URL})
 *     and {@code public/appeal.css} (loaded by the script only when an appeal shows). Together
 *     under 2 KB gzipped ({@code bench/appeal/run}).</li>
 * <li>Tables (V130): {@code appeals}, {@code appeal_variants}, {@code appeal_settings} (one row),
 *     {@code appeal_choices}, {@code appeal_counts}.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 * <li>Plans, entitlements and checkout are membership's: appeals read {@code Membership.plan},
 *     {@code activePlans} and {@code entitlements()}, and hear of started subscriptions through
 *     {@code Membership.onStart}. Who is signed in is accounts'.</li>
 * <li>The article page stays cached for everyone: nothing per reader enters it; the site's template
 *     only links the script. Counts use the UTC day, not the site's zone.</li>
 * <li>Not here: Stripe Checkout does not carry the attribution yet (only the demo provider's checkout
 *     does); article views are counted per browser, not per account.</li>
 * </ul>
 */
package news.masthead.appeals;
