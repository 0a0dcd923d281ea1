package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.passerelle.admin.audit.StaffAudit;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit page over real HTTP: newest first, filtered, by pages, and the same entries as CSV. */
class AdminAuditPagesIntegrationTests extends InboxTestSupport {

    private static final Pattern TIME_CELL = Pattern.compile("<td>(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})</td>");

    @Autowired
    StaffAudit audit;

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void showsTheNewestFirstForOnePersonAndTheSameAsCsv() {
        var browser = signedIn();
        var created = browser.postForm("/admin/team/accounts", Map.of("_csrf", browser.csrfToken(),
                "username", "ines", "displayName", "Inès", "role", "MEDIATOR", "password", "un mot de passe long",
                "confirmation", "un mot de passe long"));
        assertThat(created.statusCode()).isEqualTo(302);

        var page = browser.get("/admin/audit?person=admin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Journal", "Connexion", "Les plus récentes d’abord");
        // The account just created is the newest thing the admin did.
        int post = page.body().indexOf("POST /admin/team/accounts");
        int signIn = page.body().indexOf("Connexion</span>");
        assertThat(post).isPositive().isLessThan(signIn);
        var times = new ArrayList<String>();
        var matcher = TIME_CELL.matcher(page.body());
        while (matcher.find()) {
            times.add(matcher.group(1));
        }
        assertThat(times).hasSizeGreaterThan(1).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(page.body()).contains("id=\"audit-csv\"", "/admin/audit.csv?from=");

        var csv = browser.get("/admin/audit.csv?person=admin&action=" + encode("SIGN-IN"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("time,username,role,action,variables,status");
        assertThat(lines).hasSizeGreaterThan(1);
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).contains(",admin,ADMIN,SIGN-IN,");
        }
    }

    @Test
    void pagesThroughManyEntriesAndSaysWhenADateCannotBeRead() {
        for (int i = 0; i < 60; i++) {
            audit.signInFailed(null);
        }
        var browser = signedIn();
        var query = "/admin/audit?person=" + encode(StaffAudit.UNKNOWN_ACCOUNT) + "&action=" + encode("SIGN-IN FAILED");

        var first = browser.get(query);
        assertThat(first.body()).contains("Page 1 sur 2", "rel=\"next\"", "Connexion refusée")
                .doesNotContain("rel=\"prev\"");
        assertThat(first.body().split("Connexion refusée \\(mauvais", -1)).hasSize(51);
        var second = browser.get(query + "&page=2");
        assertThat(second.body()).contains("Page 2 sur 2", "rel=\"prev\"").doesNotContain("rel=\"next\"");

        var unreadable = browser.get("/admin/audit?from=28-11-2026");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("id=\"from-error\"", "Date illisible");
        var reversed = browser.get("/admin/audit?from=2026-11-20&to=2026-11-01");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("La date de fin vient avant la date de début.");
        assertThat(browser.get("/admin/audit.csv?from=nope").statusCode()).isEqualTo(400);
    }
}
