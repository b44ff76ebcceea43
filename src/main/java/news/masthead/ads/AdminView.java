package news.masthead.ads;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** What the admin shows of one creative: whether it is in rotation now, and its counts. */
public record AdminView(Creative creative, boolean live, long impressionsToday, long clicksToday, long impressions30, long clicks30,
                        List<CreativeDay> days) {

    /** One day's counts (UTC). */
    public record CreativeDay(LocalDate day, long impressions, long clicks) {
    }

    static List<AdminView> of(List<Creative> creatives, Map<Long, List<CreativeRows.Counts>> counts, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return creatives.stream().map(c -> {
            List<CreativeRows.Counts> mine = counts.getOrDefault(c.id(), List.of());
            long impToday = mine.stream().filter(n -> n.day().equals(today)).mapToLong(CreativeRows.Counts::impressions).sum();
            long clkToday = mine.stream().filter(n -> n.day().equals(today)).mapToLong(CreativeRows.Counts::clicks).sum();
            return new AdminView(c, c.showsAt(now), impToday, clkToday, mine.stream().mapToLong(CreativeRows.Counts::impressions).sum(),
                    mine.stream().mapToLong(CreativeRows.Counts::clicks).sum(),
                    mine.stream().map(n -> new CreativeDay(n.day(), n.impressions(), n.clicks())).toList());
        }).toList();
    }

    /** Clicks per hundred impressions over 30 days, as text ("0.8 %"), or a dash before any impression. */
    public String clickRate() {
        return impressions30 == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * clicks30 / impressions30);
    }
}
