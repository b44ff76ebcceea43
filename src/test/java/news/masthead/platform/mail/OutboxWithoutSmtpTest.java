package news.masthead.platform.mail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import news.masthead.accounts.Role;
import news.masthead.accounts.StaffBrowser;
import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo: no SMTP configured, so mail goes to the log and the admin outbox. */
class OutboxWithoutSmtpTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final ListAppender<ILoggingEvent> log = new ListAppender<>();

    static {
        ((Logger) LoggerFactory.getLogger(Mailer.class)).addAppender(log);
        log.start();
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(Mailer.class)).detachAppender(log);
        app.close();
    }

    @Test
    void aSignInLinkIsWrittenToTheLogAndShownToAdminsInTheOutbox() throws InterruptedException {
        StaffBrowser reader = new StaffBrowser(app);
        assertThat(reader.post("/account/sign-in", Map.of("email", "demo.reader@example.org")).statusCode()).isEqualTo(200);
        OutboxMail mail = awaitLogged("demo.reader@example.org");
        assertThat(mail.text()).contains(app.url("/account/verify?token="));
        String link = mail.text().replaceAll("(?s).*(http://\\S+/account/verify\\?token=\\S+).*", "$1");
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("Mail to demo.reader@example.org").contains("no SMTP configured").contains(link));

        StaffBrowser admin = StaffBrowser.signedIn(app, Role.ADMIN);
        HttpResponse<String> outbox = admin.get("/admin/outbox");
        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(outbox.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(outbox.body()).contains("<h1>Outbox</h1>").contains("demo.reader@example.org").contains("logged")
                .contains(link).contains("no SMTP");

        // and the logged link works
        StaffBrowser again = new StaffBrowser(app);
        again.get(link.substring(link.indexOf("/account/")));
        HttpResponse<String> in = again.post("/account/verify", Map.of("token", link.substring(link.indexOf("token=") + 6)));
        assertThat(in.statusCode()).isEqualTo(303);
    }

    @Test
    void onlyAdminsMayReadTheOutbox() {
        assertThat(StaffBrowser.signedIn(app, Role.EDITOR).get("/admin/outbox").statusCode()).isEqualTo(403);
        HttpResponse<String> stranger = new StaffBrowser(app).get("/admin/outbox");
        assertThat(stranger.statusCode()).isEqualTo(303);
        assertThat(stranger.headers().firstValue("Location")).hasValue("/admin/login?next=%2Fadmin%2Foutbox");
    }

    private static OutboxMail awaitLogged(String to) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            var found = app.masthead.mailer().recent(50).stream().filter(m -> m.to().equals(to) && m.status().equals("logged")).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No logged mail to " + to);
    }
}
