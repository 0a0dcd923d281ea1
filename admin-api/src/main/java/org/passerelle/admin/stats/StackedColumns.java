package org.passerelle.admin.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws one column per category (a day), stacked by series (a channel, a language…). A known
 * figure is a bar to scale; a figure shown as {@code "<5"} is a hatched mark of a fixed height,
 * so that its true value cannot be read from the drawing.
 */
final class StackedColumns {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final int MAX_LABELS = 10;

    private StackedColumns() {
    }

    /**
     * @param categories the column labels, in order
     * @param series     the series names, in stacking order from the bottom
     * @param cells      one row per category, one amount per series
     */
    static String draw(String id, String title, String description, List<String> categories, List<String> series,
            List<List<Amount>> cells) {
        var svg = new StringBuilder();
        Svg.open(svg, id, WIDTH, HEIGHT, title, description);
        Svg.hatchings(svg, id, series.size());
        double plotHeight = HEIGHT - TOP - BOTTOM;
        long maxKnown = 1;
        int maxMarks = 0;
        for (var row : cells) {
            maxKnown = Math.max(maxKnown, row.stream().mapToLong(Amount::known).sum());
            maxMarks = Math.max(maxMarks, (int) row.stream().filter(a -> a.hidden() > 0).count());
        }
        double scale = (plotHeight - maxMarks * Svg.HIDDEN_MARK) / maxKnown;
        axis(svg, maxKnown, scale);
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(categories.size(), 1);
        double barWidth = Math.max(2, slot * 0.7);
        int every = (int) Math.ceil(categories.size() / (double) MAX_LABELS);
        for (int c = 0; c < categories.size(); c++) {
            double x = LEFT + c * slot + (slot - barWidth) / 2;
            double y = TOP + plotHeight;
            for (int s = 0; s < series.size(); s++) {
                var amount = cells.get(c).get(s);
                var tooltip = categories.get(c) + " · " + series.get(s) + " : " + amount.label();
                if (amount.known() > 0) {
                    double height = amount.known() * scale;
                    y -= height;
                    Svg.bar(svg, id, s, new Svg.Box(x, y, barWidth, height), false, tooltip);
                }
                if (amount.hidden() > 0) {
                    y -= Svg.HIDDEN_MARK;
                    Svg.bar(svg, id, s, new Svg.Box(x, y, barWidth, Svg.HIDDEN_MARK), true, tooltip);
                }
            }
            if (c % every == 0) {
                Svg.text(svg, x + barWidth / 2, HEIGHT - BOTTOM + 16, "middle", categories.get(c));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The base line and three gridlines with their values, for the known part of the scale. */
    private static void axis(StringBuilder svg, long maxKnown, double scale) {
        double base = HEIGHT - BOTTOM;
        for (long tick : ticks(maxKnown)) {
            double y = base - tick * scale;
            Svg.line(svg, LEFT, y, WIDTH - RIGHT, y, tick == 0 ? "#666666" : "#dddddd");
            Svg.text(svg, LEFT - 6, y + 4, "end", Long.toString(tick));
        }
    }

    /** 0, and round values up to the largest known figure. */
    static List<Long> ticks(long max) {
        if (max <= 1) {
            return List.of(0L);
        }
        long step = niceStep(max / 3.0);
        var ticks = new ArrayList<Long>();
        for (long tick = 0; tick <= max; tick += step) {
            ticks.add(tick);
        }
        return ticks;
    }

    private static long niceStep(double rough) {
        long magnitude = (long) Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1))));
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (factor * magnitude >= rough) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
