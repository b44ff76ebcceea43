package news.masthead.app;

import news.masthead.platform.mail.MailSettings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code MASTHEAD_SMTP_*}: read once, and a mistake names the variable. */
class MailSettingsTest {

    @Test
    void withoutAHostMailIsLogged() {
        assertThat(Settings.mail(Map.of()).configured()).isFalse();
    }

    @Test
    void aFullSetOfVariablesIsRead() {
        MailSettings mail = Settings.mail(Map.of("MASTHEAD_SMTP_HOST", "smtp.example.org", "MASTHEAD_SMTP_PORT", "2525",
                "MASTHEAD_SMTP_USERNAME", "news", "MASTHEAD_SMTP_PASSWORD", "s3cret", "MASTHEAD_SMTP_FROM",
                "Daily News <news@example.org>", "MASTHEAD_SMTP_STARTTLS", "false"));
        assertThat(mail).isEqualTo(new MailSettings("smtp.example.org", 2525, "news", "s3cret", "Daily News <news@example.org>", false));
        assertThat(mail.toString()).doesNotContain("s3cret");
    }

    @Test
    void thePortDefaultsTo587WithStartTls() {
        MailSettings mail = Settings.mail(Map.of("MASTHEAD_SMTP_HOST", "smtp.example.org", "MASTHEAD_SMTP_FROM", "news@example.org"));
        assertThat(mail.port()).isEqualTo(587);
        assertThat(mail.startTls()).isTrue();
    }

    @Test
    void eachMistakeNamesItsVariable() {
        Map<String, String> base = Map.of("MASTHEAD_SMTP_HOST", "smtp.example.org", "MASTHEAD_SMTP_FROM", "news@example.org");
        assertFails(with(base, "MASTHEAD_SMTP_PORT", "seventy"), "MASTHEAD_SMTP_PORT");
        assertFails(with(base, "MASTHEAD_SMTP_PORT", "70000"), "MASTHEAD_SMTP_PORT");
        assertFails(with(base, "MASTHEAD_SMTP_STARTTLS", "maybe"), "MASTHEAD_SMTP_STARTTLS");
        assertFails(with(base, "MASTHEAD_SMTP_USERNAME", "news"), "MASTHEAD_SMTP_PASSWORD");
        assertFails(with(base, "MASTHEAD_SMTP_PASSWORD", "pw"), "MASTHEAD_SMTP_USERNAME");
        assertFails(with(base, "MASTHEAD_SMTP_FROM", "not an address"), "MASTHEAD_SMTP_FROM");
        assertFails(Map.of("MASTHEAD_SMTP_HOST", "smtp.example.org"), "MASTHEAD_SMTP_FROM");
        assertFails(with(base, "MASTHEAD_SMTP_HOST", "smtp example org"), "MASTHEAD_SMTP_HOST");
        assertFails(Map.of("MASTHEAD_SMTP_PORT", "25"), "MASTHEAD_SMTP_HOST");
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> env = new HashMap<>(base);
        env.put(name, value);
        return env;
    }

    private static void assertFails(Map<String, String> env, String variable) {
        assertThatThrownBy(() -> Settings.mail(env)).as(env.toString())
                .isInstanceOf(Settings.InvalidSetting.class).hasMessageContaining(variable);
    }
}
