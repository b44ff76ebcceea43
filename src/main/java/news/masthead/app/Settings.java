package news.masthead.app;

import java.nio.file.Path;
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
 */
public record Settings(int port, Path dataDir, String databaseUrl, String baseUrl, String metricsToken,
                       boolean secureCookies) {

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
        return new Settings(port, dataDir, databaseUrl, baseUrl, blankToNull(env.get("MASTHEAD_METRICS_TOKEN")), secureCookies);
    }

    /** The same settings with the actual port once the server has bound it (for port 0). */
    public Settings withPort(int actualPort) {
        String base = baseUrl.equals("http://localhost:" + port) ? "http://localhost:" + actualPort : baseUrl;
        return new Settings(actualPort, dataDir, databaseUrl, base, metricsToken, secureCookies);
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
