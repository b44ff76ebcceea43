package news.masthead.site;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A rendered public response (page, feed or sitemap) before it is sent: status, media type, bytes
 * and the surrogate keys whose change makes it stale; {@code location} for a redirect. Only 200s
 * and 301s are meant to be cached.
 */
public record Page(int status, String contentType, byte[] body, Set<String> surrogateKeys, String location) {
    public static final String HTML = "text/html; charset=utf-8";

    public Page {
        surrogateKeys = Set.copyOf(surrogateKeys);
    }

    public static Page ok(String contentType, byte[] body, Set<String> surrogateKeys) {
        return new Page(200, contentType, body, surrogateKeys, null);
    }

    /** A permanent redirect (an article that moved). */
    public static Page movedTo(String location, Set<String> surrogateKeys) {
        return new Page(301, "text/plain; charset=utf-8", ("Moved to " + location).getBytes(StandardCharsets.UTF_8),
                surrogateKeys, location);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
