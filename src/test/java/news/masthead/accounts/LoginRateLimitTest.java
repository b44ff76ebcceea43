package news.masthead.accounts;

import news.masthead.testing.RunningMasthead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request here comes from 127.0.0.1, so each test starts a day later to leave the address's failures behind. */
class LoginRateLimitTest {
    static final RunningMasthead app = RunningMasthead.start();
    static final String PASSWORD = "the right password";

    @BeforeAll
    static void staff() {
        for (String who : new String[] {"ana", "ben", "cai", "dee", "eve"}) {
            app.masthead.accounts().addStaff(who + "@example.org", who, Role.EDITOR, PASSWORD);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void aDayLater() {
        app.clock.advance(Duration.ofDays(1));
    }

    @Test
    void afterFiveFailuresForAnEmailEvenTheRightPasswordIsRefusedWithA429() {
        StaffBrowser browser = new StaffBrowser(app);
        for (int i = 0; i < LoginAttempts.MAX_PER_EMAIL; i++) {
            assertThat(browser.signIn("ana@example.org", "wrong password " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = browser.signIn("ANA@example.org", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many failed sign-ins for this email address. Try again in 15 minutes.");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(browser.cookie("mh_staff")).isNull();
        assertThat(new StaffBrowser(app).signIn("ben@example.org", PASSWORD).statusCode())
                .as("another email from the same address").isEqualTo(303);
    }

    @Test
    void theLimitLiftsOnceTheWindowHasPassed() {
        StaffBrowser browser = new StaffBrowser(app);
        for (int i = 0; i < LoginAttempts.MAX_PER_EMAIL; i++) {
            browser.signIn("cai@example.org", "wrong password");
            app.clock.advance(Duration.ofMinutes(1));
        }
        // the first failure was 5 minutes ago: 10 more minutes to wait
        HttpResponse<String> refused = browser.signIn("cai@example.org", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Try again in 10 minutes");
        app.clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(browser.signIn("cai@example.org", PASSWORD).statusCode()).isEqualTo(429);
        app.clock.advance(Duration.ofSeconds(1));
        assertThat(browser.signIn("cai@example.org", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void refusedAttemptsDoNotExtendTheWait() {
        StaffBrowser browser = new StaffBrowser(app);
        for (int i = 0; i < LoginAttempts.MAX_PER_EMAIL; i++) {
            browser.signIn("dee@example.org", "wrong password");
        }
        for (int i = 0; i < 10; i++) {
            app.clock.advance(Duration.ofMinutes(1));
            assertThat(browser.signIn("dee@example.org", "still guessing").statusCode()).isEqualTo(429);
        }
        app.clock.advance(Duration.ofMinutes(5));
        assertThat(browser.signIn("dee@example.org", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void aSuccessfulSignInClearsTheCountForItsEmail() {
        StaffBrowser browser = new StaffBrowser(app);
        for (int i = 0; i < LoginAttempts.MAX_PER_EMAIL - 1; i++) {
            browser.signIn("eve@example.org", "wrong password");
        }
        assertThat(browser.signIn("eve@example.org", PASSWORD).statusCode()).isEqualTo(303);
        StaffBrowser later = new StaffBrowser(app);
        for (int i = 0; i < LoginAttempts.MAX_PER_EMAIL - 1; i++) {
            assertThat(later.signIn("eve@example.org", "wrong password").statusCode()).isEqualTo(401);
        }
        assertThat(later.signIn("eve@example.org", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void twentyFailuresFromOneAddressRefuseEveryEmailFromIt() {
        StaffBrowser browser = new StaffBrowser(app);
        for (int i = 0; i < LoginAttempts.MAX_PER_ADDRESS; i++) {
            assertThat(browser.signIn("guess" + i + "@example.org", "wrong password").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = browser.signIn("ben@example.org", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many failed sign-ins from your network");
        app.clock.advance(LoginAttempts.WINDOW);
        assertThat(browser.signIn("ben@example.org", PASSWORD).statusCode()).isEqualTo(303);
    }
}
