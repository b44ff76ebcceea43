package news.masthead.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How public pages show times: in the site's zone and language, with a machine-readable twin. */
public final class Times {
    private final DateTimeFormatter shown;
    private final DateTimeFormatter day;

    public Times(ZoneId zone, Locale locale) {
        this.shown = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm z", locale).withZone(zone);
        this.day = DateTimeFormatter.ofPattern("d MMMM uuuu", locale).withZone(zone);
    }

    /** For a {@code datetime} attribute: {@code 2026-11-20T09:00:00Z}. */
    public String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** For people: {@code 20 November 2026, 10:00 CET}. */
    public String shown(Instant instant) {
        return shown.format(instant);
    }

    /** Just the day: {@code 20 November 2026}. */
    public String day(Instant instant) {
        return day.format(instant);
    }
}
