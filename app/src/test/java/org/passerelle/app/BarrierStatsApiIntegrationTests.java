package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.admin.stats.barriers.BarrierFigures;
import org.passerelle.core.barriers.Barrier;
import org.passerelle.core.barriers.Barriers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.thymeleaf.ITemplateEngine;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.JsonNode;

/**
 * The barriers met over real HTTP, as JSON by month, topic and type and as CSV, for admins only,
 * and the statistics page's section rendered from the same figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class BarrierStatsApiIntegrationTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-barriers-api-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Barriers barriers;

    @Autowired
    BarrierFigures figures;

    @Autowired
    ITemplateEngine templates;

    private void counted(Barrier barrier, int times) {
        for (int i = 0; i < times; i++) {
            barriers.count(barrier);
        }
    }

    private HttpResponse<String> admin(String path) {
        return new WebChatClient(port).admin("GET", path, null);
    }

    @Test
    void givesEveryAnswerOfEveryTopicByMonthWithCountsBelowFiveHidden() {
        var month = barriers.thisMonth();
        long before = barriers.raw(month, month).get(month).get(Barrier.COMPLAINT_REFUSED);
        counted(Barrier.COMPLAINT_REFUSED, (int) Math.max(0, 6 - before));
        counted(Barrier.LAWYER_AID_REFUSED, 2);

        var response = admin("/api/stats/barriers?from=" + month.minusMonths(1) + "&to=" + month);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = WebChatClient.json(response.body());
        assertThat(body.get("from").asString()).isEqualTo(month.minusMonths(1).toString());
        assertThat(body.get("threshold").asInt()).isEqualTo(5);
        assertThat(body.get("belowThreshold").asString()).isEqualTo("<5");
        JsonNode months = body.get("months");
        assertThat(months.size()).isEqualTo(2);
        assertThat(months.get(0).get("topics").get("complaint").get("refused").asLong()).isZero();
        var now = months.get(1);
        assertThat(now.get("month").asString()).isEqualTo(month.toString());
        assertThat(now.get("topics").get("complaint").get("refused").asLong()).isEqualTo(6);
        assertThat(now.get("topics").get("lawyer").get("legal_aid_refused").asString()).isEqualTo("<5");
        assertThat(now.get("topics").get("residence_permit").get("passport_required").isNumber()).isTrue();
        assertThat(now.get("topics").size()).isEqualTo(3);
    }

    @Test
    void givesTheSameFiguresAsCsvWithAHeader() {
        var response = admin("/api/stats/barriers.csv?from=2025-03&to=2025-03");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "passerelle-barriers-2025-03-2025-03.csv");
        var lines = response.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("month,topic,type,value");
        assertThat(lines).hasSize(Barrier.values().length + 1)
                .contains("2025-03,complaint,refused,0", "2025-03,residence_permit,fees_asked,0",
                        "2025-03,lawyer,skipped,0");
    }

    @Test
    void refusesAReversedRangeABadMonthAndTooLongARangeWithAProblem() {
        var reversed = admin("/api/stats/barriers?from=2026-06&to=2026-05");
        var badMonth = admin("/api/stats/barriers.csv?from=2026-13");
        var tooLong = admin("/api/stats/barriers?from=2020-01&to=2026-01");

        for (var refused : new HttpResponse<?>[] {reversed, badMonth, tooLong}) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        }
        assertThat(WebChatClient.json(reversed.body()).get("detail").asString()).contains("from must not be after to");
        assertThat(WebChatClient.json(badMonth.body()).get("field").asString()).isEqualTo("from");
        assertThat(WebChatClient.json(tooLong.body()).get("detail").asString()).contains("60");
    }

    @Test
    void refusesEveryoneWithoutTheAdminLogin() {
        var client = new WebChatClient(port);
        assertThat(client.call("GET", "/api/stats/barriers", null, null).statusCode()).isEqualTo(401);
        assertThat(client.call("GET", "/api/stats/barriers.csv", null, "wrong-password-here").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theStatisticsSectionShowsATableAndAChartPerTopicInFrenchAndEnglish() {
        var month = barriers.thisMonth();
        counted(Barrier.PERMIT_NO_APPOINTMENT, 1);
        var table = figures.table(month.minusMonths(2), month);

        var french = render(table, Locale.FRENCH);
        var english = render(table, Locale.ENGLISH);

        assertThat(french).contains("Obstacles rencontrés", "Titre de séjour", "Pas de rendez-vous en ligne",
                "&lt;5", "<svg", "<rect", month.toString(), "/api/stats/barriers.csv?from=" + month.minusMonths(2))
                .doesNotContain("??");
        assertThat(english).contains("Barriers met", "Residence permit", "No appointment online")
                .doesNotContain("??");
        assertThat(french.split("<table", -1)).hasSize(4);
    }

    private String render(Object table, Locale locale) {
        var servlet = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servlet)
                .buildExchange(new MockHttpServletRequest(servlet, "GET", "/admin/stats"), new MockHttpServletResponse());
        return templates.process("admin/stats/barriers", Set.of("section"),
                new WebContext(exchange, locale, Map.of("barriers", table)));
    }
}
