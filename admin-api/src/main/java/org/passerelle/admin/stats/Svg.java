package org.passerelle.admin.stats;

import java.util.List;
import java.util.Locale;

/**
 * What the server-drawn charts share: escaping, the colours of the series, and the hatching that
 * marks a figure shown as {@code "<5"}. Colours and sizes are SVG attributes, never inline
 * styles, so the pages' content security policy holds.
 */
final class Svg {

    /** Colours that stay apart for most colour-blind readers, in order of use. */
    static final List<String> PALETTE = List.of("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00",
            "#7a6a00", "#555555");
    /** The fixed size, in pixels, of a hatched mark for a figure under five, whatever it is. */
    static final int HIDDEN_MARK = 6;

    private Svg() {
    }

    static String color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** Text for an SVG or HTML element or attribute. */
    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The opening of a chart: its box, and its title and description for screen readers. */
    static void open(StringBuilder svg, String id, int width, int height, String title, String description) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" id=\"").append(id)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    }

    /** One hatching per series colour, named {@code {id}-hatch-{index}}. */
    static void hatchings(StringBuilder svg, String id, int series) {
        svg.append("<defs>");
        for (int i = 0; i < Math.max(series, 1); i++) {
            svg.append("<pattern id=\"").append(id).append("-hatch-").append(i)
                    .append("\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                    .append("<rect width=\"4\" height=\"4\" fill=\"#ffffff\"/>")
                    .append("<rect width=\"2\" height=\"4\" fill=\"").append(color(i)).append("\"/></pattern>");
        }
        svg.append("</defs>");
    }

    /** A bar: filled with the series colour, or hatched when it stands for a figure under five. */
    static void bar(StringBuilder svg, String id, int series, Box box, boolean hidden, String tooltip) {
        svg.append("<rect class=\"").append(hidden ? "bar hidden" : "bar").append("\" x=\"").append(number(box.x()))
                .append("\" y=\"").append(number(box.y())).append("\" width=\"").append(number(box.width()))
                .append("\" height=\"").append(number(box.height())).append("\" fill=\"")
                .append(hidden ? "url(#" + id + "-hatch-" + series + ")" : color(series)).append('"');
        if (hidden) {
            svg.append(" stroke=\"").append(color(series)).append("\" stroke-width=\"1\"");
        }
        svg.append("><title>").append(escape(tooltip)).append("</title></rect>");
    }

    static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
                .append("\" font-size=\"11\" fill=\"#333333\" text-anchor=\"").append(anchor).append("\">")
                .append(escape(text)).append("</text>");
    }

    static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String color) {
        svg.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"")
                .append(number(x2)).append("\" y2=\"").append(number(y2)).append("\" stroke=\"").append(color)
                .append("\" stroke-width=\"1\"/>");
    }

    /** A coordinate with at most one decimal, written the same in every locale. */
    static String number(double value) {
        var rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }

    /** A rectangle, in SVG units. */
    record Box(double x, double y, double width, double height) {
    }
}
