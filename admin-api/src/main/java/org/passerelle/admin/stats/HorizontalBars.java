package org.passerelle.admin.stats;

import java.util.List;

/**
 * Draws one horizontal bar per label (a topic, a language…), its value written at its end. The
 * known part is to scale; when part of it was shown as {@code "<5"}, a hatched mark of a fixed
 * width follows, whatever the hidden figures are.
 */
final class HorizontalBars {

    static final int WIDTH = 640;
    private static final int LABELS = 190;
    private static final int VALUES = 96;
    private static final int ROW = 24;
    private static final int BAR = 16;
    private static final int MAX_LABEL = 30;

    private HorizontalBars() {
    }

    /** One bar. */
    record Bar(String label, Amount amount) {
    }

    static String draw(String id, String title, String description, List<Bar> bars) {
        int height = bars.size() * ROW + 8;
        var svg = new StringBuilder();
        Svg.open(svg, id, WIDTH, height, title, description);
        Svg.hatchings(svg, id, 1);
        long maxKnown = Math.max(1, bars.stream().mapToLong(b -> b.amount().known()).max().orElse(1));
        double room = WIDTH - LABELS - VALUES - Svg.HIDDEN_MARK;
        for (int i = 0; i < bars.size(); i++) {
            var bar = bars.get(i);
            double y = 4 + i * ROW;
            var tooltip = bar.label() + " : " + bar.amount().label();
            Svg.text(svg, LABELS - 6, y + BAR - 4, "end", shorten(bar.label()));
            double x = LABELS;
            if (bar.amount().known() > 0) {
                double width = Math.max(1, bar.amount().known() * room / maxKnown);
                Svg.bar(svg, id, 0, new Svg.Box(x, y, width, BAR), false, tooltip);
                x += width;
            }
            if (bar.amount().hidden() > 0) {
                Svg.bar(svg, id, 0, new Svg.Box(x, y, Svg.HIDDEN_MARK, BAR), true, tooltip);
                x += Svg.HIDDEN_MARK;
            }
            Svg.text(svg, x + 6, y + BAR - 4, "start", bar.amount().label());
        }
        Svg.line(svg, LABELS, 0, LABELS, height, "#666666");
        return svg.append("</svg>").toString();
    }

    private static String shorten(String label) {
        return label.codePointCount(0, label.length()) <= MAX_LABEL ? label
                : label.substring(0, label.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
    }
}
