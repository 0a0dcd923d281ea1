package org.passerelle.admin.stats.barriers;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.barriers.BarrierFigure;
import org.passerelle.core.barriers.BarrierTopic;
import org.passerelle.core.barriers.Barriers;
import org.springframework.stereotype.Component;

/**
 * Builds the model of the statistics page's barriers section ({@link BarrierTable}) from the
 * published monthly counts, for the page's controller to put in its model under
 * {@code barriers} and render with {@code ~{admin/stats/barriers :: section(${barriers})}}.
 */
@Component
public final class BarrierFigures {

    private static final int LABEL_WIDTH = 230;
    private static final int COLUMN = 18;
    private static final int BAR = 12;
    private static final int LINE = 30;
    private static final int BAR_MAX = 22;
    private static final int TICKS = 18;

    private final Barriers barriers;

    /** @param barriers the monthly counters */
    public BarrierFigures(Barriers barriers) {
        this.barriers = barriers;
    }

    /**
     * The twelve months up to this one (Paris).
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public BarrierTable lastTwelveMonths() {
        var to = barriers.thisMonth();
        return table(to.minusMonths(BarrierRange.DEFAULT_MONTHS - 1), to);
    }

    /**
     * A range of months, both included.
     *
     * @throws IllegalArgumentException when from is after to, or the range is longer than {@link Barriers#MAX_MONTHS}
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public BarrierTable table(YearMonth from, YearMonth to) {
        var figures = barriers.published(from, to);
        var months = new ArrayList<String>();
        for (var month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(month.toString());
        }
        var topics = new ArrayList<BarrierTable.Topic>();
        for (var topic : BarrierTopic.values()) {
            var rows = new ArrayList<BarrierTable.Row>();
            for (var barrier : topic.barriers()) {
                var cells = figures.stream().filter(f -> f.barrier() == barrier)
                        .map(f -> new BarrierTable.Cell(f.month().toString(), f.value(), f.suppressed())).toList();
                rows.add(new BarrierTable.Row(barrier.type(), "barriers.type." + barrier.type(), cells));
            }
            topics.add(new BarrierTable.Topic(topic.id(), "barriers.topic." + topic.id(), rows, chart(rows, months)));
        }
        return new BarrierTable(from, to, months, topics, BarrierFigure.BELOW_FIVE);
    }

    private static BarrierTable.Chart chart(List<BarrierTable.Row> rows, List<String> months) {
        long max = BarrierFigure.THRESHOLD;
        for (var row : rows) {
            for (var cell : row.cells()) {
                max = Math.max(max, cell.suppressed() ? 0 : Long.parseLong(cell.value()));
            }
        }
        var labels = new ArrayList<BarrierTable.Label>();
        var bars = new ArrayList<BarrierTable.Bar>();
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            int baseline = (r + 1) * LINE;
            labels.add(new BarrierTable.Label(0, baseline - 6, row.labelKey()));
            for (int m = 0; m < row.cells().size(); m++) {
                var cell = row.cells().get(m);
                // A small count is drawn at half the threshold whatever it is, so the chart shows no more than the table.
                double value = cell.suppressed() ? BarrierFigure.THRESHOLD / 2.0 : Long.parseLong(cell.value());
                if (value == 0) {
                    continue;
                }
                int height = (int) Math.max(2, Math.round(BAR_MAX * value / max));
                bars.add(new BarrierTable.Bar(LABEL_WIDTH + m * COLUMN, baseline - height, BAR, height,
                        cell.suppressed(), cell.month() + ": " + cell.value()));
            }
        }
        int bottom = rows.size() * LINE + TICKS;
        var ticks = new ArrayList<BarrierTable.Tick>();
        ticks.add(new BarrierTable.Tick(LABEL_WIDTH, bottom - 4, months.get(0)));
        if (months.size() > 1) {
            ticks.add(new BarrierTable.Tick(LABEL_WIDTH + (months.size() - 1) * COLUMN + BAR, bottom - 4,
                    months.get(months.size() - 1)));
        }
        return new BarrierTable.Chart(LABEL_WIDTH + months.size() * COLUMN + 40, bottom, labels, bars, ticks);
    }
}
