package news.masthead.newsroom;

import news.masthead.platform.web.WebError;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks on submitted text fields; each failure names the field. */
final class Fields {
    private Fields() {
    }

    static String required(String field, String value, int maxLength) {
        String v = clean(value);
        if (v.isEmpty()) {
            throw WebError.badRequest(field, "The " + field + " is required.");
        }
        return limit(field, v, maxLength);
    }

    static String optional(String field, String value, int maxLength) {
        return limit(field, clean(value), maxLength);
    }

    static void slug(String field, String slug) {
        if (!Slugs.valid(slug)) {
            throw WebError.badRequest(field, "Use lower-case letters, digits and single hyphens only (e.g. world-news).");
        }
    }

    /** Blank, or an absolute http(s) URL. */
    static String url(String field, String value) {
        String v = limit(field, clean(value), 2000);
        if (v.isEmpty()) {
            return v;
        }
        try {
            URI uri = new URI(v);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw WebError.badRequest(field, "Give a full web address starting with https:// or http://.");
            }
            return v;
        } catch (URISyntaxException e) {
            throw WebError.badRequest(field, "That is not a valid web address.");
        }
    }

    private static String limit(String field, String v, int maxLength) {
        if (v.length() > maxLength) {
            throw WebError.badRequest(field, "The " + field + " is too long (at most " + maxLength + " characters).");
        }
        return v;
    }

    /** Trims and drops control characters other than newlines and tabs (and NUL, which PostgreSQL refuses). */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
    }
}
