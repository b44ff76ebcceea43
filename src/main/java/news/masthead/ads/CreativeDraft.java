package news.masthead.ads;

import news.masthead.platform.web.WebError;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A creative as staff typed it, validated: each problem is a 400 naming its field. The link must be
 * an absolute http or https address (no {@code javascript:}, no {@code data:}, no user name in it,
 * which phishing uses to disguise the host). Schedule times are typed and stored in UTC.
 */
record CreativeDraft(String name, String linkUrl, String altText, Slot slot, int weight, Instant startsAt, Instant endsAt,
                     boolean active, boolean house) {
    static final int MAX_NAME = 100;
    static final int MAX_ALT = 250;
    static final int MAX_URL = 2000;

    static CreativeDraft parse(String name, String linkUrl, String altText, String slot, String weight, String startsAt,
                               String endsAt, String active, String house) {
        String n = text("name", name, MAX_NAME, "Give the ad a name staff will recognise.");
        String alt = text("altText", altText, MAX_ALT, "Write the alt text: what the image says, for readers who cannot see it.");
        Slot s = Slot.parse(slot == null ? "" : slot.strip())
                .orElseThrow(() -> WebError.badRequest("slot", "Choose a slot: top, in-article or sidebar."));
        Instant start = time("startsAt", startsAt);
        Instant end = time("endsAt", endsAt);
        if (start != null && end != null && !end.isAfter(start)) {
            throw WebError.badRequest("endsAt", "The end must come after the start.");
        }
        return new CreativeDraft(n, link(linkUrl), alt, s, weight(weight), start, end, checked(active), checked(house));
    }

    /**
     * An absolute http(s) address with a host, or a path on this site ({@code /membership}, for house
     * ads: never {@code //host}, which browsers read as another site), as typed (trimmed); anything
     * else is a 400 naming {@code linkUrl}.
     */
    static String link(String raw) {
        String url = raw == null ? "" : raw.strip();
        String refusal = "The link must be a full web address starting with https:// or http://, or a path on this site such as /membership.";
        if (url.isEmpty() || url.length() > MAX_URL || url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\\')) {
            throw WebError.badRequest("linkUrl", refusal);
        }
        if (url.startsWith("/") && !url.startsWith("//")) {
            try {
                URI path = new URI(url);
                if (path.getScheme() == null && path.getRawAuthority() == null) {
                    return url;
                }
            } catch (URISyntaxException e) {
                throw WebError.badRequest("linkUrl", refusal);
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isEmpty()) {
                throw WebError.badRequest("linkUrl", refusal);
            }
            if (uri.getRawUserInfo() != null) {
                throw WebError.badRequest("linkUrl", "The link must not contain a user name or password.");
            }
            return url;
        } catch (URISyntaxException e) {
            throw WebError.badRequest("linkUrl", refusal);
        }
    }

    private static int weight(String raw) {
        String w = raw == null ? "" : raw.strip();
        if (!w.matches("[0-9]{1,3}") || Integer.parseInt(w) < 1 || Integer.parseInt(w) > 100) {
            throw WebError.badRequest("weight", "The weight is a whole number from 1 to 100 (a weight of 2 shows twice as often as 1).");
        }
        return Integer.parseInt(w);
    }

    private static String text(String field, String raw, int max, String missing) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            throw WebError.badRequest(field, missing);
        }
        if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            throw WebError.badRequest(field, "Use at most " + max + " characters, on one line.");
        }
        return v;
    }

    private static Instant time(String field, String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.parse(v);
            if (t.getYear() < 2000 || t.getYear() > 9999) {
                throw WebError.badRequest(field, "Use a date and time between the years 2000 and 9999.");
            }
            return t.toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw WebError.badRequest(field, "Use a date and time such as 2027-01-31T09:00 (UTC).");
        }
    }

    private static boolean checked(String raw) {
        return raw != null && (raw.equals("on") || raw.equals("true"));
    }
}
