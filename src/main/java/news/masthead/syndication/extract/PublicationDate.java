package news.masthead.syndication.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the date strings publishers write into ISO-8601, or gives null. Pages state dates in
 * many shapes (ISO with or without a colon in the offset, RFC 1123, JavaScript's
 * {@code Date.toString()}, "November 19, 2019"); callers want one.
 */
final class PublicationDate {

    private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE MMM d yyyy HH:mm:ss 'GMT'xx", Locale.ENGLISH));

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));

    private static final int ISO_DATE_LENGTH = 10;

    /** Output always carries seconds, and "Z" for UTC, as most feeds and APIs expect. */
    private static final DateTimeFormatter OFFSET_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter LOCAL_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** JavaScript's Date.toString() appends a zone name in brackets that no formatter knows. */
    private static final Pattern ZONE_NAME_SUFFIX = Pattern.compile("\\s*\\([^)]*\\)\\s*$");

    /** @return the ISO-8601 form of {@code raw}, or null when it is no date this class knows */
    String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = ZONE_NAME_SUFFIX.matcher(raw.strip()).replaceFirst("");
        String iso = isoOf(text);
        if (iso != null) {
            return iso;
        }
        for (DateTimeFormatter format : ZONED) {
            try {
                return OFFSET_OUT.format(ZonedDateTime.parse(text, format));
            } catch (DateTimeParseException notThisShape) {
                // try the next shape
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).toString();
            } catch (DateTimeParseException notThisShape) {
                // try the next shape
            }
        }
        return null;
    }

    private static String isoOf(String text) {
        try {
            if (text.length() == ISO_DATE_LENGTH) {
                return LocalDate.parse(text).toString();
            }
            TemporalAccessor parsed = ISO_LENIENT.parse(text);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
            if (!parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return LOCAL_OUT.format(local);
            }
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
            return OFFSET_OUT.format(OffsetDateTime.of(local, offset));
        } catch (DateTimeException notIso) {
            return null;
        }
    }
}
