package org.passerelle.admin.stats.barriers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.core.barriers.BarrierFigure;
import org.passerelle.core.barriers.Barriers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The barriers met, for admins: {@code GET /api/stats/barriers?from=YYYY-MM&to=YYYY-MM} as JSON,
 * by month, then topic, then type, and {@code GET /api/stats/barriers.csv} with the same figures
 * as rows. Every answer of every topic is there for every month, zeros included; a count from 1 to
 * 4 is {@code "<5"}.
 */
@RestController
class BarrierStatsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Barriers barriers;

    BarrierStatsController(Barriers barriers) {
        this.barriers = barriers;
    }

    @GetMapping(path = "/api/stats/barriers", produces = MediaType.APPLICATION_JSON_VALUE)
    BarriersJson json(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var range = BarrierRange.of(from, to, barriers.thisMonth());
        var months = new ArrayList<MonthJson>();
        Map<String, Map<String, Map<String, Object>>> byMonth = new LinkedHashMap<>();
        for (var figure : barriers.published(range.from(), range.to())) {
            byMonth.computeIfAbsent(figure.month().toString(), m -> new LinkedHashMap<>())
                    .computeIfAbsent(figure.barrier().topic().id(), t -> new LinkedHashMap<>())
                    .put(figure.barrier().type(), value(figure));
        }
        byMonth.forEach((month, topics) -> months.add(new MonthJson(month, topics)));
        return new BarriersJson(range.from().toString(), range.to().toString(), BarrierFigure.THRESHOLD,
                BarrierFigure.BELOW_FIVE, months);
    }

    @GetMapping(path = "/api/stats/barriers.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        var range = BarrierRange.of(from, to, barriers.thisMonth());
        var name = "passerelle-barriers-" + range.from() + "-" + range.to() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(toCsv(barriers.published(range.from(), range.to())));
    }

    /** The figures as CSV; no field needs quoting, since topics and types are short plain names. */
    static String toCsv(List<BarrierFigure> figures) {
        var csv = new StringBuilder("month,topic,type,value\r\n");
        figures.forEach(f -> csv.append(f.month()).append(',').append(f.barrier().topic().id()).append(',')
                .append(f.barrier().type()).append(',').append(f.value()).append("\r\n"));
        return csv.toString();
    }

    private static Object value(BarrierFigure figure) {
        return figure.suppressed() ? figure.value() : Long.valueOf(figure.value());
    }

    /**
     * The published counts of a range of months.
     *
     * @param threshold      the smallest count shown
     * @param belowThreshold what stands for a count from 1 to threshold − 1
     * @param months         one entry per month, oldest first
     */
    record BarriersJson(String from, String to, int threshold, String belowThreshold, List<MonthJson> months) {
    }

    /**
     * One month: topic id → type → count (a number, or the string {@code "<5"}).
     */
    record MonthJson(String month, Map<String, Map<String, Object>> topics) {
    }
}
