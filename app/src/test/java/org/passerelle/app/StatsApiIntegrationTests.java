package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.stats.Metric;
import org.passerelle.core.stats.StatRow;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.stats.Tally;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The published statistics over real HTTP, as JSON and CSV, for admins only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class StatsApiIntegrationTests {

    private static final LocalDate FIRST = LocalDate.of(2026, 6, 15);
    private static final LocalDate SECOND = FIRST.plusDays(1);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-stats-api-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Stats stats;

    WebChatClient client;

    @BeforeEach
    void client() {
        client = new WebChatClient(port);
    }

    private void counted(LocalDate day, Metric metric, String dimension, int times) {
        for (int i = 0; i < times; i++) {
            stats.record(day, new Tally().add(metric, dimension));
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return WebChatClient.json(response.body());
    }

    @Test
    void givesThePublishedFiguresAsJsonWithEveryFigureBelowFiveHidden() {
        counted(FIRST, Metric.CONVERSATIONS_BY_CHANNEL, "telegram", 6);
        counted(FIRST, Metric.CONVERSATIONS_BY_CHANNEL, "sms", 3);
        counted(SECOND, Metric.ALERTS, "danger", 1);

        var response = client.admin("GET", "/api/stats?from=" + FIRST + "&to=" + SECOND, null);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = json(response);
        assertThat(body.get("from").asString()).isEqualTo(FIRST.toString());
        assertThat(body.get("threshold").asInt()).isEqualTo(5);
        var rows = body.get("rows");
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.get(0).get("day").asString()).isEqualTo(FIRST.toString());
        assertThat(rows.get(0).get("metric").asString()).isEqualTo("conversations.channel");
        assertThat(rows.get(0).get("dimension").asString()).isEqualTo("sms");
        assertThat(rows.get(0).get("value").asString()).isEqualTo("<5");
        assertThat(rows.get(1).get("dimension").asString()).isEqualTo("telegram");
        assertThat(rows.get(1).get("value").isNumber()).isTrue();
        assertThat(rows.get(1).get("value").asLong()).isEqualTo(6);
        assertThat(rows.get(2).get("metric").asString()).isEqualTo("alerts");
        assertThat(rows.get(2).get("value").asString()).isEqualTo("<5");
        assertThat(response.body()).doesNotContain("\"3\"", ":3", "\"1\"", ":1}");
    }

    @Test
    void givesTheSameFiguresAsCsvWithAHeader() {
        counted(FIRST.minusDays(10), Metric.TOPICS, "complaint", 5);
        counted(FIRST.minusDays(10), Metric.TOPICS, "lawyer", 2);

        var day = FIRST.minusDays(10);
        var response = client.admin("GET", "/api/stats.csv?from=" + day + "&to=" + day, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "passerelle-stats-" + day + "-" + day + ".csv");
        assertThat(response.body()).isEqualTo("day,metric,dimension,value\r\n"
                + day + ",topics,complaint,5\r\n"
                + day + ",topics,lawyer,<5\r\n");
    }

    @Test
    void refusesAReversedRangeABadDateAndMoreThanAYearWithAProblem() {
        var reversed = client.admin("GET", "/api/stats?from=2026-06-02&to=2026-06-01", null);
        var badDate = client.admin("GET", "/api/stats.csv?from=yesterday", null);
        var tooLong = client.admin("GET", "/api/stats?from=2025-01-01&to=2026-01-02", null);

        for (var refused : new HttpResponse<?>[] {reversed, badDate, tooLong}) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(json(reversed).get("detail").asString()).contains("from must not be after to");
        assertThat(json(badDate).get("field").asString()).isEqualTo("from");
        assertThat(json(tooLong).get("detail").asString()).contains("366");
        assertThat(client.admin("GET", "/api/stats?from=2025-01-01&to=2026-01-01", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesEveryoneWithoutTheAdminLogin() {
        assertThat(client.call("GET", "/api/stats", null, null).statusCode()).isEqualTo(401);
        assertThat(client.call("GET", "/api/stats.csv", null, "wrong-password-here").statusCode()).isEqualTo(401);
    }

    @Test
    void aConversationInTheWebChatIsCountedOnTodaysFigures() {
        var today = stats.today();
        long before = webchatConversations(today);

        new WebChatClient(port).say("bonjour");
        new WebChatClient(port).say("hello");

        assertThat(webchatConversations(today)).isEqualTo(before + 2);
        assertThat(client.admin("GET", "/api/stats", null).statusCode()).isEqualTo(200);
    }

    private long webchatConversations(LocalDate day) {
        return stats.raw(day, day).stream()
                .filter(r -> r.metric() == Metric.CONVERSATIONS_BY_CHANNEL && r.dimension().equals("webchat"))
                .mapToLong(StatRow::value).sum();
    }
}
