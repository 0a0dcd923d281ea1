package org.passerelle.admin.stats.barriers;

import java.time.YearMonth;
import java.util.List;

/**
 * The model of the statistics page's barriers section: per topic, one row per answer with its
 * published count in each month, and the same figures as a bar chart. Message keys name the
 * topics and the answers; a count from 1 to 4 is {@code belowThreshold}.
 *
 * @param from           the first month shown
 * @param to             the last month shown
 * @param months         the months shown, oldest first ({@code yyyy-MM})
 * @param topics         one section per topic, in the order of the questions
 * @param belowThreshold what stands for a count from 1 to 4
 */
public record BarrierTable(YearMonth from, YearMonth to, List<String> months, List<Topic> topics,
        String belowThreshold) {

    public BarrierTable {
        months = List.copyOf(months);
        topics = List.copyOf(topics);
    }

    /**
     * One topic.
     *
     * @param topic    the topic id ({@code complaint}, {@code residence_permit}, {@code lawyer})
     * @param titleKey the message key of its name
     * @param rows     one row per answer, in the order offered
     * @param chart    the same figures drawn
     */
    public record Topic(String topic, String titleKey, List<Row> rows, Chart chart) {

        public Topic {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One answer of a topic.
     *
     * @param type     its stable name
     * @param labelKey the message key of its label
     * @param cells    its count in each month, in the order of the months
     */
    public record Row(String type, String labelKey, List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One published count.
     *
     * @param month      the month ({@code yyyy-MM})
     * @param value      the count in digits, or the below-threshold mark
     * @param suppressed whether the count is from 1 to 4
     */
    public record Cell(String month, String value, boolean suppressed) {
    }

    /**
     * A bar chart in SVG user units: per answer a line, per month a bar whose height follows the
     * count (a count from 1 to 4 drawn pale at half the threshold, never its true height).
     *
     * @param width  the view box's width
     * @param height the view box's height
     * @param labels the answers' labels, left of their line
     * @param bars   the bars, none for a zero
     * @param ticks  the first and last month under the bars
     */
    public record Chart(int width, int height, List<Label> labels, List<Bar> bars, List<Tick> ticks) {

        public Chart {
            labels = List.copyOf(labels);
            bars = List.copyOf(bars);
            ticks = List.copyOf(ticks);
        }
    }

    /** A label at a point, by message key. */
    public record Label(int x, int y, String key) {
    }

    /** A month's name at a point. */
    public record Tick(int x, int y, String month) {
    }

    /**
     * One bar.
     *
     * @param title what the bar stands for, shown on hover ({@code 2026-11: 7})
     */
    public record Bar(int x, int y, int width, int height, boolean suppressed, String title) {
    }
}
