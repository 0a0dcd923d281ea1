package org.passerelle.admin.stats;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.passerelle.content.Language;
import org.passerelle.core.stats.Metric;
import org.passerelle.core.stats.Tally;
import org.springframework.context.MessageSource;

/**
 * The statistics page's charts, in the page's language: conversations per day by channel and by
 * language, topics asked, messages not understood, handoffs and the wait before a mediator takes
 * them, danger and minor alerts, and appointments. Each comes with its table.
 */
final class StatsCharts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    private final StatsView view;
    private final MessageSource messages;
    private final Locale locale;
    private final UnaryOperator<String> topicTitle;

    /**
     * @param topicTitle a topic's title in the page's language, from its id
     */
    StatsCharts(StatsView view, MessageSource messages, Locale locale, UnaryOperator<String> topicTitle) {
        this.view = view;
        this.messages = messages;
        this.locale = locale;
        this.topicTitle = topicTitle;
    }

    List<Chart> all() {
        var charts = new ArrayList<Chart>();
        charts.add(stacked("chart-channels", Metric.CONVERSATIONS_BY_CHANNEL, "channels", this::channel));
        charts.add(totals("chart-languages", Metric.CONVERSATIONS_BY_LANGUAGE, "languages", this::language));
        charts.add(totals("chart-topics", Metric.TOPICS, "topics", topicTitle));
        charts.add(stacked("chart-unknown", Metric.UNKNOWN, "unknown", this::language));
        charts.add(stacked("chart-handoffs", Metric.HANDOFFS, "handoffs", this::priority));
        charts.add(waits());
        charts.add(stacked("chart-alerts", Metric.ALERTS, "alerts", this::priority));
        charts.add(appointments());
        return charts;
    }

    private Chart stacked(String id, Metric metric, String name, UnaryOperator<String> label) {
        var dimensions = view.dimensions(metric);
        var series = dimensions.stream().map(label).toList();
        var days = view.days().stream().map(DAY::format).toList();
        var cells = view.perDay(metric, dimensions);
        var title = text("stats.chart." + name + ".title");
        var description = describe(name);
        var head = new ArrayList<String>();
        head.add(text("stats.table.day"));
        head.addAll(series);
        var rows = new ArrayList<List<String>>();
        for (int d = 0; d < days.size(); d++) {
            var row = new ArrayList<String>();
            row.add(days.get(d));
            cells.get(d).forEach(amount -> row.add(amount.isZero() ? "0" : amount.label()));
            rows.add(row);
        }
        var legend = new ArrayList<Chart.LegendItem>();
        for (int s = 0; s < series.size(); s++) {
            legend.add(new Chart.LegendItem(series.get(s), Svg.color(s)));
        }
        var svg = dimensions.isEmpty() ? "" : StackedColumns.draw(id + "-svg", title, description, days, series, cells);
        return new Chart(id, title, description, svg, legend, new Chart.Table(head, dimensions.isEmpty() ? List.of() : rows));
    }

    private Chart totals(String id, Metric metric, String name, UnaryOperator<String> label) {
        var bars = new ArrayList<HorizontalBars.Bar>();
        view.totals(metric).forEach((dimension, amount) -> bars.add(new HorizontalBars.Bar(label.apply(dimension), amount)));
        return bars(id, name, bars);
    }

    private Chart waits() {
        var totals = view.totals(Metric.CLAIM_WAIT);
        var bars = new ArrayList<HorizontalBars.Bar>();
        for (var bracket : Tally.WAIT_BRACKETS) {
            var amount = totals.get(bracket);
            if (amount != null) {
                bars.add(new HorizontalBars.Bar(text("stats.wait." + bracket), amount));
            }
        }
        return bars("chart-waits", "waits", bars);
    }

    private Chart appointments() {
        var bars = new ArrayList<HorizontalBars.Bar>();
        for (var metric : List.of(Metric.BOOKINGS, Metric.CANCELLATIONS, Metric.ATTENDED, Metric.NO_SHOWS)) {
            var amount = view.total(metric);
            if (!amount.isZero()) {
                bars.add(new HorizontalBars.Bar(text("stats.appointments." + metric.key()), amount));
            }
        }
        return bars("chart-appointments", "appointments", bars);
    }

    private Chart bars(String id, String name, List<HorizontalBars.Bar> bars) {
        var title = text("stats.chart." + name + ".title");
        var description = describe(name);
        var rows = bars.stream().map(bar -> List.of(bar.label(), bar.amount().label())).toList();
        var head = List.of(text("stats.chart." + name + ".what"), text("stats.table.count"));
        var svg = bars.isEmpty() ? "" : HorizontalBars.draw(id + "-svg", title, description, bars);
        return new Chart(id, title, description, svg, List.of(), new Chart.Table(head, rows));
    }

    private String describe(String name) {
        return text("stats.chart." + name + ".desc") + " " + text("stats.chart.hidden");
    }

    private String channel(String id) {
        return messages.getMessage("stats.channel." + id, null, id, locale);
    }

    private String language(String code) {
        if ("none".equals(code)) {
            return text("stats.language.none");
        }
        return Language.fromCode(code).map(Language::nativeName).orElse(code);
    }

    private String priority(String id) {
        return messages.getMessage("stats.kind." + id, null, id, locale);
    }

    private String text(String key) {
        return messages.getMessage(key, null, locale);
    }
}
