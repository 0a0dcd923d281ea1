package org.passerelle.admin.stats;

import java.util.List;

/**
 * One chart as the statistics page shows it: the drawing, its legend, and the same figures as a
 * table under it for whoever cannot see the drawing.
 *
 * @param id     the element id, also the prefix of the drawing's ids
 * @param svg    the drawing, escaped, ready to insert; empty when there is nothing to draw
 * @param legend the series, in the drawing's colours; empty for a single series
 * @param table  the same figures, with {@code "<5"} where the drawing hatches
 */
record Chart(String id, String title, String description, String svg, List<LegendItem> legend, Table table) {

    /** Whether there is nothing to draw. */
    public boolean empty() {
        return svg.isEmpty();
    }

    /** A series and its colour. */
    record LegendItem(String label, String color) {
    }

    /** A table: its column heads and its rows of cells, the first cell of a row heading it. */
    record Table(List<String> head, List<List<String>> rows) {
    }
}
