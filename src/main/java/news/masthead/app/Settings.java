package news.masthead.app;

import news.masthead.platform.mail.MailSettings;
import news.masthead.platform.mail.Message;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What the operator configures, read once at start from {@code MASTHEAD_*} environment variables and
 * command-line options (options win). A bad value fails start-up with a message naming the variable.
 *
 * @param port            HTTP port ({@code MASTHEAD_PORT}, default 8080; 0 picks a free one)
 * @param dataDir         where the embedded database, search index and media cache live
 * @param databaseUrl     external PostgreSQL ({@code MASTHEAD_DATABASE_URL}); null means embedded
 * @param baseUrl         public address used in feeds and canonical links ({@code MASTHEAD_BASE_URL})
 * @param metricsToken    bearer token that may read {@code /metrics} besides signed-in admins
 * @param secureCookies   whether cookies carry {@code Secure} ({@code MASTHEAD_SECURE_COOKIES}; default on
 *                        unless the base URL is plain http on localhost)
 * @param mail            outgoing mail ({@code MASTHEAD_SMTP_*}); without {@code MASTHEAD_SMTP_HOST} mail is
 *                        written to the log and the admin outbox instead
 * @param payments        how readers pay ({@code STRIPE_SECRET_KEY}, {@code STRIPE_WEBHOOK_SECRET}); without a key, the demo provider
 */
public record Settings(int port, Path dataDir, String databaseUrl, String baseUrl, String metricsToken,
                       boolean secureCookies, MailSettings mail,
                       news.masthead.membership.PaymentSettings payments) {

    public static final Path DEFAULT_DATA_DIR = Path.of("masthead-data");

    /** Reads the environment; {@code portOption} and {@code dataDirOption} override it when not null. */
    public static Settings from(Map<String, String> env, Integer portOption, Path dataDirOption) {
        int port = portOption != null ? portOption : intVar(env, "MASTHEAD_PORT", 8080);
        if (port < 0 || port > 65535) {
            throw new InvalidSetting("The port must be between 0 and 65535 (got " + port + ")");
        }
        Path dataDir = dataDirOption != null ? dataDirOption
                : env.containsKey("MASTHEAD_DATA_DIR") ? Path.of(env.get("MASTHEAD_DATA_DIR")) : DEFAULT_DATA_DIR;
        String databaseUrl = blankToNull(env.get("MASTHEAD_DATABASE_URL"));
        String baseUrl = blankToNull(env.get("MASTHEAD_BASE_URL"));
        if (baseUrl != null && !baseUrl.matches("https?://[^\\s/]+(/.*)?")) {
            throw new InvalidSetting("MASTHEAD_BASE_URL must be an absolute http(s) URL (got " + baseUrl + ")");
        }
        if (baseUrl == null) {
            baseUrl = "http://localhost:" + port;
        }
        baseUrl = baseUrl.replaceAll("/+$", "");
        boolean localPlainHttp = baseUrl.startsWith("http://localhost") || baseUrl.startsWith("http://127.0.0.1");
        String secure = env.get("MASTHEAD_SECURE_COOKIES");
        boolean secureCookies = secure == null ? !localPlainHttp : Boolean.parseBoolean(secure);
        return new Settings(port, dataDir, databaseUrl, baseUrl, blankToNull(env.get("MASTHEAD_METRICS_TOKEN")), secureCookies,
                mail(env), news.masthead.membership.PaymentSettings.fromEnvironment(env));
    }

    /**
     * {@code MASTHEAD_SMTP_HOST} (none: mail is logged), {@code _PORT} (587), {@code _USERNAME} and
     * {@code _PASSWORD} (both or neither), {@code _FROM} (required with a host), {@code _STARTTLS}
     * (true/false, default true).
     */
    static MailSettings mail(Map<String, String> env) {
        String host = blankToNull(env.get("MASTHEAD_SMTP_HOST"));
        if (host == null) {
            for (String other : new String[]{"MASTHEAD_SMTP_PORT", "MASTHEAD_SMTP_USERNAME", "MASTHEAD_SMTP_PASSWORD",
                    "MASTHEAD_SMTP_FROM", "MASTHEAD_SMTP_STARTTLS"}) {
                if (blankToNull(env.get(other)) != null) {
                    throw new InvalidSetting(other + " is set but MASTHEAD_SMTP_HOST is not: set the SMTP host too,"
                            + " or unset " + other + " to log mail instead of sending it");
                }
            }
            return MailSettings.none();
        }
        if (!host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
            throw new InvalidSetting("MASTHEAD_SMTP_HOST must be a host name or IP address (got '" + host + "')");
        }
        int port = intVar(env, "MASTHEAD_SMTP_PORT", 587);
        if (port < 1 || port > 65535) {
            throw new InvalidSetting("MASTHEAD_SMTP_PORT must be between 1 and 65535 (got " + port + ")");
        }
        String username = blankToNull(env.get("MASTHEAD_SMTP_USERNAME"));
        String password = env.get("MASTHEAD_SMTP_PASSWORD");
        password = password == null || password.isEmpty() ? null : password;
        if ((username == null) != (password == null)) {
            throw new InvalidSetting(username == null
                    ? "MASTHEAD_SMTP_PASSWORD is set but MASTHEAD_SMTP_USERNAME is not: set both or neither"
                    : "MASTHEAD_SMTP_USERNAME is set but MASTHEAD_SMTP_PASSWORD is not: set both or neither");
        }
        String from = blankToNull(env.get("MASTHEAD_SMTP_FROM"));
        if (from == null) {
            throw new InvalidSetting("MASTHEAD_SMTP_FROM must be set with MASTHEAD_SMTP_HOST: the address mail comes from,"
                    + " like news@example.org or 'Daily News <news@example.org>'");
        }
        String address = from.contains("<") && from.endsWith(">") ? from.substring(from.lastIndexOf('<') + 1, from.length() - 1) : from;
        if (!Message.isAddress(address) || from.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSetting("MASTHEAD_SMTP_FROM must be an address like news@example.org or 'Daily News <news@example.org>'"
                    + " (got '" + from + "')");
        }
        String startTls = blankToNull(env.get("MASTHEAD_SMTP_STARTTLS"));
        boolean tls = true;
        if (startTls != null) {
            switch (startTls.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> tls = true;
                case "false", "no", "0" -> tls = false;
                default -> throw new InvalidSetting("MASTHEAD_SMTP_STARTTLS must be true or false (got '" + startTls + "')");
            }
        }
        return new MailSettings(host, port, username, password, from, tls);
    }

    /** The same settings with the actual port once the server has bound it (for port 0). */
    public Settings withPort(int actualPort) {
        String base = baseUrl.equals("http://localhost:" + port) ? "http://localhost:" + actualPort : baseUrl;
        return new Settings(actualPort, dataDir, databaseUrl, base, metricsToken, secureCookies, mail, payments);
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSetting(name + " must be a whole number (got '" + value + "')");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A setting the operator must fix; its message names the variable. */
    public static final class InvalidSetting extends RuntimeException {
        public InvalidSetting(String message) {
            super(message);
        }
    }
}
