package news.masthead.admin;

import news.masthead.platform.web.WebError;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/** Times as the newsroom reads and types them: in the site's time zone, to the minute. */
final class Times {
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Supplier<ZoneId> zone;

    Times(Supplier<ZoneId> zone) {
        this.zone = zone;
    }

    String display(Instant instant) {
        return instant == null ? "" : DISPLAY.withZone(zone.get()).format(instant);
    }

    String clock(Instant instant) {
        return instant == null ? "" : CLOCK.withZone(zone.get()).format(instant);
    }

    /** The value of a {@code datetime-local} input for this instant. */
    String input(Instant instant) {
        return instant == null ? "" : INPUT.withZone(zone.get()).format(instant);
    }

    /** A {@code datetime-local} value (seconds optional) in the site's zone; {@code field} is named when it is not one. */
    Instant parseInput(String field, String value) {
        if (value == null || value.isBlank()) {
            throw WebError.badRequest(field, "Choose the date and time to publish.");
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone.get()).toInstant();
        } catch (DateTimeParseException e) {
            throw WebError.badRequest(field, "Give the date and time as 2026-11-20T09:30.");
        }
    }

    String zoneName() {
        return zone.get().getId();
    }
}
