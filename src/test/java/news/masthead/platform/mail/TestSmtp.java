package news.masthead.platform.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on a free loopback port that can be stopped and started again on
 * the same port, and the {@code MASTHEAD_SMTP_*} variables that point a node at it.
 */
public final class TestSmtp implements AutoCloseable {
    private static final Pattern LINK = Pattern.compile("https?://\\S+/account/verify\\?token=[A-Za-z0-9_-]+");
    private final int port;
    private GreenMail server;

    public TestSmtp() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public synchronized void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public synchronized void stop() {
        server.stop();
    }

    public Map<String, String> env() {
        return Map.of("MASTHEAD_SMTP_HOST", "127.0.0.1", "MASTHEAD_SMTP_PORT", Integer.toString(port),
                "MASTHEAD_SMTP_FROM", "Test News <news@example.org>", "MASTHEAD_SMTP_STARTTLS", "false");
    }

    public MailSettings settings() {
        return new MailSettings("127.0.0.1", port, null, null, "Test News <news@example.org>", false);
    }

    /** The mail received so far for {@code to}, oldest first. */
    public synchronized List<MimeMessage> to(String to) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits up to 10 s for the {@code n}-th mail to {@code to} and returns it. */
    public MimeMessage await(String to, int n) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> mails = to(to);
            if (mails.size() >= n) {
                return mails.get(n - 1);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No mail number " + n + " to " + to + " within 10 s");
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sign-in or confirmation link in a mail's text. */
    public static String link(MimeMessage message) {
        Matcher m = LINK.matcher(body(message));
        if (!m.find()) {
            throw new AssertionError("No link in: " + body(message));
        }
        return m.group();
    }

    @Override
    public synchronized void close() {
        server.stop();
    }
}
