package news.masthead.platform.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/** Hands one message to the SMTP server through Jakarta Mail (Eclipse Angus), with short timeouts. */
final class SmtpTransport {
    /** Connect, read and write timeouts: a stuck server costs a delivery pass this long, never a request. */
    static final int TIMEOUT_MILLIS = 15_000;

    private final Session session;
    private final InternetAddress from;
    private final Clock clock;

    SmtpTransport(MailSettings settings, Clock clock) {
        this.clock = clock;
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        p.put("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
        p.put("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
        if (settings.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = null;
        if (settings.username() != null) {
            p.put("mail.smtp.auth", "true");
            String user = settings.username();
            String password = settings.password();
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(p, authenticator);
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Not a From address: " + settings.from(), e);
        }
    }

    /** Sends the message; a {@link MessagingException} means it was not accepted. */
    void send(Message message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(from);
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.to(), true));
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(Date.from(clock.instant()));
        if (message.html() == null) {
            mime.setText(message.text(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), "UTF-8", "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        Transport.send(mime);
    }

    /** Whether the server refused for good (a 5xx reply): trying again would only be refused again. */
    static boolean permanent(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500
                    || x instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }
}
