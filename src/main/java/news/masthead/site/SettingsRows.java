package news.masthead.site;

import news.masthead.platform.db.Database;
import news.masthead.platform.web.WebError;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;

/** The one row of {@code site_settings}: read it, and validate and write a change. */
final class SettingsRows {
    static final int NAME_MAX = 120;
    static final int TAGLINE_MAX = 200;
    static final int FOOTER_MAX = 1000;
    static final int LANGUAGE_MAX = 35;

    private static final RowMapper<SiteSettings> MAPPER = (rs, c) -> new SiteSettings(rs.getString("name"),
            rs.getString("tagline"), (Long) rs.getObject("logo_photo_id"), rs.getString("language"),
            rs.getString("time_zone"), rs.getString("footer_text"));

    private final Database db;

    SettingsRows(Database db) {
        this.db = db;
    }

    SiteSettings read() {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "select name, tagline, logo_photo_id, language, time_zone, footer_text from site_settings where id = 1")
                .map(MAPPER).one());
    }

    SiteSettings update(SiteSettings changed) {
        SiteSettings clean = validate(changed);
        try {
            return db.jdbi().withHandle(h -> h.createQuery("""
                            update site_settings set name = :name, tagline = :tagline, logo_photo_id = :logo,
                                   language = :language, time_zone = :zone, footer_text = :footer, updated_at = now()
                            where id = 1
                            returning name, tagline, logo_photo_id, language, time_zone, footer_text""")
                    .bind("name", clean.name()).bind("tagline", clean.tagline()).bind("logo", clean.logoPhotoId())
                    .bind("language", clean.language()).bind("zone", clean.timeZone()).bind("footer", clean.footerText())
                    .map(MAPPER).one());
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                throw WebError.badRequest("logoPhotoId", "There is no photo " + clean.logoPhotoId() + " to use as the logo.");
            }
            throw e;
        }
    }

    static SiteSettings validate(SiteSettings s) {
        if (s == null) {
            throw WebError.badRequest("Site settings are required.");
        }
        String name = text("name", s.name(), NAME_MAX, true);
        String tagline = text("tagline", s.tagline(), TAGLINE_MAX, false);
        String footer = text("footerText", s.footerText(), FOOTER_MAX, false);
        return new SiteSettings(name, tagline, s.logoPhotoId(), language(s.language()), zone(s.timeZone()), footer);
    }

    private static String text(String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw WebError.badRequest(field, "The " + field + " is required.");
        }
        if (v.length() > max) {
            throw WebError.badRequest(field, "The " + field + " may be at most " + max + " characters long.");
        }
        if (v.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n')) {
            throw WebError.badRequest(field, "The " + field + " contains control characters.");
        }
        return v;
    }

    /** A well-formed BCP-47 tag with a language, kept in its canonical spelling ({@code en-gb} becomes {@code en-GB}). */
    static String language(String tag) {
        String v = tag == null ? "" : tag.strip();
        if (v.isEmpty() || v.length() > LANGUAGE_MAX) {
            throw WebError.badRequest("language", "The language must be a BCP-47 tag such as en or en-GB.");
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(v).build();
            if (locale.getLanguage().isEmpty()) {
                throw WebError.badRequest("language", "The language tag '" + v + "' names no language.");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw WebError.badRequest("language", "'" + v + "' is not a BCP-47 language tag (e.g. en, en-GB, pt-BR).");
        }
    }

    static String zone(String zone) {
        String v = zone == null ? "" : zone.strip();
        if (v.isEmpty() || v.length() > 64) {
            throw WebError.badRequest("timeZone", "The time zone must be an IANA zone such as Europe/London.");
        }
        try {
            return ZoneId.of(v).getId();
        } catch (DateTimeException e) {
            throw WebError.badRequest("timeZone", "'" + v + "' is not a known time zone (e.g. Europe/London, UTC).");
        }
    }
}
