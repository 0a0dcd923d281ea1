package org.passerelle.admin.stats;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.passerelle.core.stats.Figure;
import org.passerelle.core.stats.Stats;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published daily statistics for admins: {@code GET /api/stats?from=&to=} as JSON and
 * {@code GET /api/stats.csv?from=&to=} as CSV with a header, the same rows in both. A figure
 * from 1 to 4 is shown as {@code "<5"}.
 */
@RestController
class StatsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Stats stats;

    StatsController(Stats stats) {
        this.stats = stats;
    }

    @GetMapping(path = "/api/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    StatsJson json(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var range = StatsRange.of(from, to, stats.today());
        var rows = stats.published(range.from(), range.to()).stream().map(RowJson::of).toList();
        return new StatsJson(range.from().toString(), range.to().toString(), Figure.THRESHOLD, Figure.BELOW_FIVE, rows);
    }

    @GetMapping(path = "/api/stats.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var range = StatsRange.of(from, to, stats.today());
        var name = "passerelle-stats-" + range.from() + "-" + range.to() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(toCsv(stats.published(range.from(), range.to())));
    }

    /** The rows as CSV; no field needs quoting, since metrics and dimensions are short plain names. */
    static String toCsv(List<Figure> figures) {
        var csv = new StringBuilder("day,metric,dimension,value\r\n");
        figures.forEach(f -> csv.append(f.day()).append(',').append(f.metric()).append(',').append(f.dimension())
                .append(',').append(f.value()).append("\r\n"));
        return csv.toString();
    }

    /**
     * The published figures of a range of days.
     *
     * @param threshold     the smallest figure shown
     * @param belowThreshold what stands for a figure from 1 to threshold − 1
     */
    record StatsJson(String from, String to, int threshold, String belowThreshold, List<RowJson> rows) {
    }

    /** One figure: {@code value} is a number, or the string {@code "<5"}. */
    record RowJson(String day, String metric, String dimension, Object value) {

        static RowJson of(Figure figure) {
            Object value = figure.suppressed() ? figure.value() : Long.valueOf(figure.value());
            return new RowJson(figure.day().toString(), figure.metric(), figure.dimension(), value);
        }
    }
}
