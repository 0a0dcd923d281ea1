package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stats.Metric;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.stats.Tally;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statistics page over real HTTP: charts drawn on the server from published figures only,
 * with a table under each, the range shortcuts, a refused range, and the CSV link.
 */
class AdminStatsPagesIntegrationTests extends InboxTestSupport {

    @Autowired
    Stats stats;

    @Test
    void drawsTheChartsWithoutEverShowingAFigureUnderFive() {
        var day = stats.today().minusDays(2);
        stats.record(day, new Tally().add(Metric.CONVERSATIONS_BY_CHANNEL, "telegram", 12)
                .add(Metric.CONVERSATIONS_BY_CHANNEL, "sms", 3).add(Metric.TOPICS, "legal_status", 7)
                .add(Metric.ALERTS, "minor", 2));
        var label = day.format(DateTimeFormatter.ofPattern("dd/MM"));
        var browser = signedIn();

        var page = browser.get("/admin/stats");

        assertThat(page.statusCode()).isEqualTo(200);
        var body = page.body();
        assertThat(body).contains("Statistiques", "value=\"" + stats.today().minusDays(6) + "\"",
                "value=\"" + stats.today() + "\"", "id=\"chart-channels\"", "<svg", "role=\"img\"",
                "<title id=\"chart-channels-svg-title\">Conversations par jour et par canal</title>",
                "<desc id=\"chart-channels-svg-desc\">", "class=\"bar\"", "class=\"bar hidden\"",
                "fill=\"url(#chart-channels-svg-hatch-0)\"", "id=\"chart-topics\"", "id=\"chart-alerts\"",
                "<section id=\"barriers\"", "Obstacles rencontrés", "/api/stats/barriers.csv");
        // The SMS figure of that day is 3: shown and drawn as under five, never as itself.
        assertThat(body).contains(label + " · SMS : &lt;5", label + " · Telegram : 12")
                .doesNotContain("SMS : 3");
        assertThat(body).containsPattern("<th scope=\"row\">" + label + "</th>\\s*<td>&lt;5</td>\\s*<td>12</td>");
        assertThat(body).containsPattern("<th scope=\"row\">Mineure</th>|Mineure : &lt;5");
        // Nothing is loaded from elsewhere and nothing runs in the page for the charts.
        assertThat(body).doesNotContain("https://", "<script>");
    }

    @Test
    void offersTheUsualPeriodsRefusesAnImpossibleOneAndExportsTheSameFigures() {
        var browser = signedIn();
        var today = stats.today();
        var lastMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);

        var page = browser.get("/admin/stats?lang=en");
        assertThat(page.body()).contains("Last 7 days", "Last week", "This month",
                "/admin/stats?from=" + lastMonday + "&amp;to=" + lastMonday.plusDays(6),
                "/admin/stats?from=" + today.withDayOfMonth(1) + "&amp;to=" + today,
                "id=\"stats-csv\"", "/api/stats.csv?from=" + today.minusDays(6) + "&amp;to=" + today);

        var reversed = browser.get("/admin/stats?from=" + today + "&to=" + today.minusDays(3));
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("Impossible period", "aria-invalid=\"true\"");
        assertThat(browser.get("/admin/stats?from=yesterday").statusCode()).isEqualTo(400);

        stats.record(today.minusDays(1), new Tally().add(Metric.BOOKINGS, "pad", 2));
        var csv = browser.get("/api/stats.csv?from=" + today.minusDays(6) + "&to=" + today);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("day,metric,dimension,value\r\n")
                .contains(today.minusDays(1) + ",bookings,pad,<5");
    }
}
