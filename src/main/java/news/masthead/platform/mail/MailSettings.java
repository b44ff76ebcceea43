package news.masthead.platform.mail;

/**
 * Where outgoing mail goes: an SMTP server, or nowhere (the demo), in which case every mail is
 * written to the log and shown on {@code /admin/outbox}. {@code app} reads it once from the
 * {@code MASTHEAD_SMTP_*} variables and validates it there, naming the variable at fault.
 *
 * @param host     SMTP host, or null when no SMTP is configured
 * @param port     SMTP port
 * @param username SMTP user, or null for a server that needs no authentication
 * @param password SMTP password (with {@code username})
 * @param from     the From address, {@code news@example.org} or {@code Daily News <news@example.org>}
 * @param startTls whether the connection must be upgraded with STARTTLS before anything is sent
 */
public record MailSettings(String host, int port, String username, String password, String from, boolean startTls) {

    /** No SMTP: mail goes to the log and the admin outbox. */
    public static MailSettings none() {
        return new MailSettings(null, 0, null, null, null, false);
    }

    public boolean configured() {
        return host != null;
    }

    @Override
    public String toString() {
        return configured() ? "smtp://" + (username == null ? "" : username + "@") + host + ":" + port
                + (startTls ? " (STARTTLS)" : "") + " from " + from : "no SMTP (mail is logged)";
    }
}
