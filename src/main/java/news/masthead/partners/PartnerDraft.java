package news.masthead.partners;

import news.masthead.platform.web.WebError;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A partner as an admin types it, checked: each refusal is a 400 naming its field ({@code slug}, {@code name},
 * {@code siteUrl}, {@code logoPhotoId}, {@code licence}, {@code section}, {@code feedUrl}).
 */
public record PartnerDraft(String slug, String name, String siteUrl, Long logoPhotoId, String licence, String sectionSlug,
                           String feedUrl, boolean feedInternal) {
    /** The membership feature's rule for the slug in {@code partner:<slug>}. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public PartnerDraft {
        slug = clean(slug);
        name = clean(name);
        siteUrl = clean(siteUrl);
        licence = clean(licence);
        sectionSlug = clean(sectionSlug);
        feedUrl = clean(feedUrl);
        if (!SLUG.matcher(slug).matches()) {
            throw WebError.badRequest("slug", "The slug is lower-case letters, digits and hyphens (at most 63); readers' plans grant partner:<slug>.");
        }
        if (name.isEmpty() || name.length() > 120) {
            throw WebError.badRequest("name", "Give the partner's name (at most 120 characters).");
        }
        if (!webAddress(siteUrl)) {
            throw WebError.badRequest("siteUrl", "Give the partner's site address, starting with https:// or http://.");
        }
        if (logoPhotoId != null && logoPhotoId < 1) {
            throw WebError.badRequest("logoPhotoId", "The logo must be a photo number from the photo library.");
        }
        if (licence.length() > 200) {
            throw WebError.badRequest("licence", "The licence terms are too long (at most 200 characters).");
        }
        if (sectionSlug.isEmpty()) {
            throw WebError.badRequest("section", "Choose the section the partner's articles go to.");
        }
        if (!feedUrl.isEmpty() && !webAddress(feedUrl)) {
            throw WebError.badRequest("feedUrl", "Give the feed's full address, starting with https:// or http://, or leave it empty.");
        }
    }

    static boolean webAddress(String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
