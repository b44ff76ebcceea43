/**
 * Outgoing mail: queued in the database with the write that causes it, delivered over SMTP by a
 * sender loop, or written to the log when no SMTP server is configured.
 *
 * <h2>Language</h2>
 * <ul>
 *   <li><b>Message</b>: one mail to one address: subject, plain text, optional HTML. Avoid: email
 *       (that is the address), notification.</li>
 *   <li><b>Outbox</b>: the {@code outbox_mail} table and its admin page; every message passes
 *       through it. Not the newsroom's {@code outbox} table (content changes for search). Avoid: queue
 *       (in user-facing words), spool.</li>
 *   <li><b>Status</b>: <i>queued</i> (waiting or between attempts), <i>sent</i> (the SMTP server
 *       accepted it), <i>logged</i> (no SMTP configured: written to the log instead), <i>failed</i>
 *       (refused for good, or {@code MAX_ATTEMPTS} attempts used up).</li>
 *   <li><b>Attempt</b>, <b>backoff</b>: one try at handing a message to SMTP; the pause before the
 *       next (30 s doubling to an hour). <b>Lease</b>: the five minutes a claimed message belongs to
 *       the node delivering it.</li>
 * </ul>
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link news.masthead.platform.mail.Mailer}: the entry class. {@code send(Handle, Message)}
 *       queues in the caller's transaction, {@code send(Message)} in its own; {@code start} runs the
 *       sender loop (a pass every few seconds and after each commit that queued mail, the retention
 *       purge hourly); {@code routes} serves {@code /admin/outbox}.</li>
 *   <li>{@code OutboxRows}: the rows and queries; claiming uses {@code FOR UPDATE SKIP LOCKED} so
 *       every node may run the loop and each message goes out once (at least once if a node dies
 *       between SMTP's "OK" and the status write).</li>
 *   <li>{@code SmtpTransport}: Jakarta Mail (Eclipse Angus) with 15 s timeouts and STARTTLS when
 *       configured; tells a permanent refusal (5xx) from a passing one.</li>
 *   <li>Values: {@link news.masthead.platform.mail.Message},
 *       {@link news.masthead.platform.mail.MailSettings} (read from {@code MASTHEAD_SMTP_*} by
 *       {@code app}), {@link news.masthead.platform.mail.OutboxMail} (a row for the page).</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li>Knows no reader, article or link: features write the words; this package only carries them.</li>
 *   <li>Does not decide who is an admin: {@code app} passes the check in.</li>
 *   <li>No bounces, unsubscribe lists, newsletters or bulk sending; no implicit-TLS port 465 (use
 *       STARTTLS on 587).</li>
 *   <li>Mail text is kept only until SMTP accepts it (a sign-in link is a credential); logged mail
 *       keeps its text for the outbox page until the 30-day purge.</li>
 * </ul>
 */
package news.masthead.platform.mail;
