/**
 * The write side of the staff audit log.
 *
 * <p><b>Language</b>: a <i>staff action</i> is something staff did to a reader (moderated or banned a
 * comment, granted or cancelled a membership, downloaded or erased a reader's data), recorded with
 * its actor ({@code staff:<name>} or {@code reader}), the reader and a short detail. Avoid "event" (the
 * membership feature's word for provider events) and "log line" (this is a table, not the log).
 *
 * <p><b>Shape</b>: {@link news.masthead.platform.audit.StaffAudit} is the one method features call in
 * their own transaction; {@link news.masthead.platform.audit.StaffAction} is what they pass. The
 * privacy feature implements it over {@code staff_audit} and shows it at {@code /admin/audit}.
 *
 * <p><b>Boundaries</b>: no storage and no pages here (privacy owns both); features that act on readers
 * get a {@code StaffAudit} from {@code app} and record nothing until they do ({@code NONE}).
 */
package news.masthead.platform.audit;
