package news.masthead.epaper;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One month of the archive as a table: weeks from Monday, each day with or without an edition.
 *
 * @param previous the nearest earlier month with editions, or null
 * @param next     the nearest later month with editions, or null
 */
public record Calendar(YearMonth month, String title, List<String> weekdays, List<List<Day>> weeks,
                       YearMonth previous, YearMonth next) {

    /** A cell: null {@code date} for the padding before the 1st and after the last day. */
    public record Day(LocalDate date, boolean hasEdition) {
    }

    static Calendar of(YearMonth month, Set<LocalDate> editions, List<YearMonth> monthsWithEditions, Locale locale) {
        List<String> weekdays = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            weekdays.add(d.getDisplayName(TextStyle.FULL, locale));
        }
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>(Collections.nCopies(month.atDay(1).getDayOfWeek().getValue() - 1, new Day(null, false)));
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            week.add(new Day(date, editions.contains(date)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Day(null, false));
            }
            weeks.add(week);
        }
        YearMonth previous = monthsWithEditions.stream().filter(m -> m.isBefore(month)).max(YearMonth::compareTo).orElse(null);
        YearMonth next = monthsWithEditions.stream().filter(m -> m.isAfter(month)).min(YearMonth::compareTo).orElse(null);
        String title = month.getMonth().getDisplayName(TextStyle.FULL, locale) + " " + month.getYear();
        return new Calendar(month, title, List.copyOf(weekdays), List.copyOf(weeks), previous, next);
    }
}
