package news.masthead.site;

import java.time.ZoneId;
import java.util.Locale;

/**
 * How the paper presents itself: its name and tagline, logo, language (a BCP-47 tag such as
 * {@code en-GB}), the time zone its pages show times in, and the footer line.
 *
 * @param logoPhotoId the newsroom photo used as the logo (publisher logo in structured data), or null
 */
public record SiteSettings(String name, String tagline, Long logoPhotoId, String language, String timeZone,
                           String footerText) {

    public SiteSettings {
        tagline = tagline == null ? "" : tagline;
        footerText = footerText == null ? "" : footerText;
    }

    /** The zone times are shown in; falls back to UTC if the stored zone is no longer known to this JVM. */
    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
