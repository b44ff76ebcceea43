package news.masthead.appeals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conversion-rate chart as plain SVG geometry, computed here so the template only places it:
 * one line per variant over the days, a y axis from 0 to a round maximum. No chart library, no
 * script; the page also carries the same figures as a table.
 */
public record ConversionChart(int width, int height, List<Line> lines, List<Tick> yTicks, List<Tick> xTicks,
                              int left, int bottom, int right, int top) {
    private static final String[] COLOURS = {"#1f5fa8", "#b3541e", "#2e7d32", "#6a3d9a"};
    private static final String[] DASHES = {"none", "6 4", "2 3", "10 3 2 3"};

    public record Line(String variant, String points, String colour, String dash) {
    }

    public record Tick(double at, String label) {
    }

    static ConversionChart of(Results results) {
        int width = 640, height = 260, left = 48, right = 16, top = 12, bottom = 36;
        double max = 0;
        for (Results.DailyRates r : results.daily()) {
            for (double v : r.rates()) {
                max = Math.max(max, v);
            }
        }
        double ceiling = niceCeiling(max);
        int n = results.days().size();
        double plotW = width - left - right, plotH = height - top - bottom;
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (Results.DailyRates r : results.daily()) {
            StringBuilder pts = new StringBuilder();
            for (int d = 0; d < n; d++) {
                double x = left + (n == 1 ? plotW / 2 : plotW * d / (n - 1));
                double y = top + plotH - plotH * r.rates().get(d) / ceiling;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            lines.add(new Line(r.variant(), pts.toString().strip(), COLOURS[i % COLOURS.length], DASHES[i % DASHES.length]));
            i++;
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            double value = ceiling * t / 4;
            yTicks.add(new Tick(top + plotH - plotH * t / 4, String.format(Locale.ROOT, "%.1f%%", value * 100)));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int d = 0; d < n; d += Math.max(1, n / 5)) {
            xTicks.add(new Tick(left + (n == 1 ? plotW / 2 : plotW * d / (n - 1)), results.days().get(d).toString().substring(5)));
        }
        return new ConversionChart(width, height, List.copyOf(lines), List.copyOf(yTicks), List.copyOf(xTicks), left,
                height - bottom, width - right, top);
    }

    /** 0 → 1%, else the next of 1, 2, 5 × 10^k above {@code max}. */
    static double niceCeiling(double max) {
        if (max <= 0) {
            return 0.01;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
