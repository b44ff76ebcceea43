package news.masthead.appeals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One appeal's results, in aggregate: per variant the totals of each event, and per day the
 * conversion rate (conversions per impression) for the chart and its table.
 */
public record Results(long appealId, String name, List<Totals> totals, List<LocalDate> days, List<DailyRates> daily) {
    static final List<String> EVENTS = List.of("impression", "close", "snooze", "dismiss", "click", "conversion");

    /** One stored count: a variant, a day, an event. */
    record Count(String variant, LocalDate day, String event, long count) {
    }

    /** A variant's totals. */
    public record Totals(String variant, long impressions, long closes, long snoozes, long dismissals, long clicks,
                         long conversions) {
        /** Conversions per impression, as a percentage with one decimal ("2.5%"), or "–" before any impression. */
        public String conversionRate() {
            return impressions == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * conversions / impressions);
        }
    }

    /** A variant's conversion rate per day (a fraction, 0 on a day without impressions), in the order of {@code days}. */
    public record DailyRates(String variant, List<Double> rates, List<Long> impressions, List<Long> conversions) {
    }

    static Results of(Appeal appeal, List<Count> counts, LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, long[]> impressions = new LinkedHashMap<>();
        Map<String, long[]> conversions = new LinkedHashMap<>();
        for (Appeal.Variant v : appeal.variants()) {
            totals.put(v.key(), new long[EVENTS.size()]);
            impressions.put(v.key(), new long[days.size()]);
            conversions.put(v.key(), new long[days.size()]);
        }
        for (Count c : counts) {
            int event = EVENTS.indexOf(c.event());
            long[] t = totals.computeIfAbsent(c.variant(), k -> new long[EVENTS.size()]);
            t[event] += c.count();
            int day = days.indexOf(c.day());
            if (day >= 0 && event == 0) {
                impressions.computeIfAbsent(c.variant(), k -> new long[days.size()])[day] += c.count();
            } else if (day >= 0 && event == EVENTS.size() - 1) {
                conversions.computeIfAbsent(c.variant(), k -> new long[days.size()])[day] += c.count();
            }
        }
        List<Totals> rows = new ArrayList<>();
        totals.forEach((v, t) -> rows.add(new Totals(v, t[0], t[1], t[2], t[3], t[4], t[5])));
        List<DailyRates> daily = new ArrayList<>();
        for (String v : totals.keySet()) {
            long[] imp = impressions.getOrDefault(v, new long[days.size()]);
            long[] conv = conversions.getOrDefault(v, new long[days.size()]);
            List<Double> rates = new ArrayList<>();
            List<Long> i = new ArrayList<>();
            List<Long> c = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                rates.add(imp[d] == 0 ? 0.0 : (double) conv[d] / imp[d]);
                i.add(imp[d]);
                c.add(conv[d]);
            }
            daily.add(new DailyRates(v, List.copyOf(rates), List.copyOf(i), List.copyOf(c)));
        }
        return new Results(appeal.id(), appeal.name(), List.copyOf(rows), List.copyOf(days), List.copyOf(daily));
    }

    public Totals totals(String variant) {
        return totals.stream().filter(t -> t.variant().equals(variant)).findFirst()
                .orElse(new Totals(variant, 0, 0, 0, 0, 0, 0));
    }
}
