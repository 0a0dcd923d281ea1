package org.passerelle.admin.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.passerelle.core.stats.Figure;
import org.passerelle.core.stats.Metric;

/**
 * The published figures of a range of days, arranged for charts: per day and dimension, or
 * summed over the range by dimension. Built from published figures only, so a figure shown as
 * {@code "<5"} stays hidden in every sum ({@link Amount}).
 */
final class StatsView {

    private final List<LocalDate> days;
    private final List<Figure> figures;

    StatsView(LocalDate from, LocalDate to, List<Figure> figures) {
        this.days = from.datesUntil(to.plusDays(1)).toList();
        this.figures = List.copyOf(figures);
    }

    List<LocalDate> days() {
        return days;
    }

    /** The dimensions a metric has in the range, sorted by name. */
    List<String> dimensions(Metric metric) {
        var names = new TreeSet<String>();
        figures.stream().filter(f -> f.metric().equals(metric.key())).forEach(f -> names.add(f.dimension()));
        return List.copyOf(names);
    }

    /** One amount per day (rows, in order) and dimension (columns, as given); zero where nothing was counted. */
    List<List<Amount>> perDay(Metric metric, List<String> dimensions) {
        var cells = new LinkedHashMap<String, Amount>();
        figures.stream().filter(f -> f.metric().equals(metric.key()))
                .forEach(f -> cells.merge(f.day() + "|" + f.dimension(), Amount.of(f), Amount::plus));
        var rows = new ArrayList<List<Amount>>();
        for (var day : days) {
            rows.add(dimensions.stream().map(d -> cells.getOrDefault(day + "|" + d, Amount.ZERO)).toList());
        }
        return rows;
    }

    /** The range's sum per dimension, the largest known part first. */
    Map<String, Amount> totals(Metric metric) {
        var sums = new LinkedHashMap<String, Amount>();
        figures.stream().filter(f -> f.metric().equals(metric.key()))
                .forEach(f -> sums.merge(f.dimension(), Amount.of(f), Amount::plus));
        var sorted = new LinkedHashMap<String, Amount>();
        sums.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Amount> e) -> e.getValue().known()).reversed()
                        .thenComparing(e -> -e.getValue().hidden()).thenComparing(Map.Entry::getKey))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The range's sum over every dimension. */
    Amount total(Metric metric) {
        return totals(metric).values().stream().reduce(Amount.ZERO, Amount::plus);
    }

    /**
     * The mean wait before a claim, in seconds, over the days and priorities where both the sum of
     * seconds and the count of claims were published as numbers; -1 when there are none.
     */
    long meanClaimSeconds() {
        var seconds = new LinkedHashMap<String, Long>();
        var claims = new LinkedHashMap<String, Long>();
        for (var f : figures) {
            if (f.suppressed()) {
                continue;
            }
            var key = f.day() + "|" + f.dimension();
            if (f.metric().equals(Metric.CLAIM_SECONDS.key())) {
                seconds.put(key, Long.parseLong(f.value()));
            } else if (f.metric().equals(Metric.CLAIMS.key())) {
                claims.put(key, Long.parseLong(f.value()));
            }
        }
        long totalSeconds = 0;
        long totalClaims = 0;
        for (var entry : seconds.entrySet()) {
            var count = claims.get(entry.getKey());
            if (count != null && count > 0) {
                totalSeconds += entry.getValue();
                totalClaims += count;
            }
        }
        return totalClaims == 0 ? -1 : Math.round((double) totalSeconds / totalClaims);
    }
}
