package news.masthead.platform.cache;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A freshly rendered public page, before the {@link PageCache} keeps it: its media type and bytes,
 * and the {@code Cache-Control} it goes out with (null: the cache's default for shared pages).
 */
public record Rendered(String contentType, byte[] body, String cacheControl, String vary) {
    /** What every page varies on unless it says more: gzip or not. */
    public static final String VARY_ENCODING = "Accept-Encoding";

    public Rendered {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        vary = vary == null ? VARY_ENCODING : vary;
    }

    public Rendered(String contentType, byte[] body, String cacheControl) {
        this(contentType, body, cacheControl, null);
    }

    public static Rendered html(String html) {
        return new Rendered("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null);
    }

    public static Rendered of(String contentType, byte[] body) {
        return new Rendered(contentType, body, null);
    }

    /**
     * The same page with its own {@code Cache-Control}, e.g. {@code private, max-age=60} for a variant
     * that must not be shared by a CDN (a member's page when the CDN cannot tell variants apart).
     */
    public Rendered withCacheControl(String value) {
        return new Rendered(contentType, body, value, vary);
    }

    /**
     * The same page with its own {@code Vary} (e.g. {@code Accept-Encoding, Cookie} for a member's
     * page: what a browser kept for one cookie is not for another).
     */
    public Rendered withVary(String value) {
        return new Rendered(contentType, body, cacheControl, value);
    }
}
