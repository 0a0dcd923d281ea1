package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.core.audit.AuditEntry;
import org.passerelle.core.store.RedisStore;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.params.ScanParams;
import tools.jackson.databind.JsonNode;

/**
 * The audit log over real HTTP: staff changes through the API and the pages are recorded with
 * who, the route template and its variables, never a body; sign-in outcomes too; only admins
 * read it, as JSON or CSV.
 */
class AuditIntegrationTests extends InboxTestSupport {

    private static final String SECRET_WORDS = "Le rendez-vous est au 12 rue des Lilas, code 4471";

    @Autowired
    RedisStore store;

    @Test
    void anInboxClaimAndATeamChangeAreAuditedWithTheUserAndTheRouteButNoBody() {
        var from = Instant.now();
        mediator("farah", "fr");
        var id = asksForAHuman();

        assertThat(as("farah", "POST", "/api/inbox/conversations/" + id + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(as("farah", "POST", "/api/inbox/conversations/" + id + "/messages",
                "{\"text\": \"" + SECRET_WORDS + "\"}").statusCode()).isEqualTo(202);
        assertThat(staff.admin("PUT", "/api/team/mediators/farah", """
                {"displayName": "Farah B.", "role": "MEDIATOR", "languages": ["fr", "ar"], "skills": []}
                """).statusCode()).isEqualTo(200);

        var read = staff.admin("GET", "/api/audit?from=" + from, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("Lilas", "Farah B.", "\"ar\"");
        var claim = entry(read, "POST /api/inbox/conversations/{id}/claim");
        assertThat(claim.get("username").asString()).isEqualTo("farah");
        assertThat(claim.get("role").asString()).isEqualTo("MEDIATOR");
        assertThat(claim.get("variables").get("id").asString()).isEqualTo(id);
        assertThat(claim.get("status").asInt()).isEqualTo(200);
        assertThat(entry(read, "POST /api/inbox/conversations/{id}/messages").get("status").asInt()).isEqualTo(202);
        var teamChange = entry(read, "PUT /api/team/mediators/{username}");
        assertThat(teamChange.get("username").asString()).isEqualTo("admin");
        assertThat(teamChange.get("role").asString()).isEqualTo("ADMIN");
        assertThat(teamChange.get("variables").get("username").asString()).isEqualTo("farah");
    }

    @Test
    void aPageActionIsAuditedByItsRouteTemplate() {
        var from = Instant.now();
        var id = asksForAHuman();
        var browser = signedIn();

        var claimed = browser.postForm("/inbox/conversations/" + id + "/claim", Map.of("_csrf", browser.csrfToken()));
        assertThat(claimed.statusCode()).isEqualTo(302);

        var read = staff.admin("GET", "/api/audit?from=" + from, null);
        assertThat(entry(read, AuditEntry.SIGN_IN).get("username").asString()).isEqualTo("admin");
        var claim = entry(read, "POST /inbox/conversations/{id}/claim");
        assertThat(claim.get("username").asString()).isEqualTo("admin");
        assertThat(claim.get("variables").get("id").asString()).isEqualTo(id);
    }

    @Test
    void failedSignInsAreAuditedByAccountOnlyAndAnUnknownNameIsNotKept() {
        var from = Instant.now();
        mediator("farah", "fr");

        assertThat(new StaffBrowser(port).signIn("farah", "not-her-password").headers().firstValue("Location")
                .orElseThrow()).endsWith("/login?error");
        assertThat(new StaffBrowser(port).basic("GET", "/api/services", null, "someone@example.org", "guess")
                .statusCode()).isEqualTo(401);

        var read = staff.admin("GET", "/api/audit?from=" + from, null);
        assertThat(read.body()).doesNotContain("someone@example.org", "not-her-password", "guess");
        assertThat(entries(read)).filteredOn(e -> e.get("action").asString().equals(AuditEntry.SIGN_IN_FAILED))
                .extracting(e -> e.get("username").asString())
                .contains("farah", "(unknown account)");
    }

    @Test
    void aMediatorCannotReadTheAudit() {
        mediator("farah", "fr");

        assertThat(as("farah", "GET", "/api/audit", null).statusCode()).isEqualTo(403);
        assertThat(as("farah", "GET", "/api/audit.csv", null).statusCode()).isEqualTo(403);
        assertThat(new StaffBrowser(port).basic("GET", "/api/audit", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theCsvHasAHeaderAndOneLinePerEntry() {
        var from = Instant.now();
        mediator("farah", "fr");
        var id = asksForAHuman();
        as("farah", "POST", "/api/inbox/conversations/" + id + "/claim", null);
        var to = Instant.now().plusSeconds(1);

        var json = entries(staff.admin("GET", "/api/audit?from=" + from + "&to=" + to, null));
        var csv = staff.admin("GET", "/api/audit.csv?from=" + from + "&to=" + to, null);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("time,username,role,action,variables,status");
        assertThat(json).isNotEmpty();
        assertThat(lines).hasSize(json.size() + 1);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains(",farah,MEDIATOR,POST /api/inbox/conversations/{id}/claim,id=" + id + ",200"));
    }

    @Test
    void aBadRangeIsABadRequest() {
        var answer = staff.admin("GET", "/api/audit?from=2026-11-28&to=2026-11-01", null);
        var garbled = staff.admin("GET", "/api/audit.csv?from=yesterday", null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(WebChatClient.json(garbled.body()).get("detail").asString()).contains("from");
    }

    @Test
    void noKeyHoldsTheTextAMediatorSent() {
        mediator("farah", "fr");
        var id = asksForAHuman();
        as("farah", "POST", "/api/inbox/conversations/" + id + "/claim", null);
        assertThat(as("farah", "POST", "/api/inbox/conversations/" + id + "/messages",
                "{\"text\": \"" + SECRET_WORDS + "\"}").statusCode()).isEqualTo(202);

        // The transcript and the outbox keep it sealed; the audit keeps the route only.
        var holding = new ArrayList<String>();
        for (var key : keys()) {
            if (contents(key).contains("rue des Lilas")) {
                holding.add(key);
            }
        }
        assertThat(holding).isEmpty();
        assertThat(contents(store.key("audit"))).contains("/api/inbox/conversations/{id}/messages");
    }

    private List<String> keys() {
        var keys = new ArrayList<String>();
        var params = new ScanParams().match(store.prefix() + "*").count(500);
        var cursor = ScanParams.SCAN_POINTER_START;
        do {
            var at = cursor;
            var page = store.call(jedis -> jedis.scan(at, params));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    private String contents(String key) {
        return store.call(jedis -> switch (jedis.type(key)) {
            case "string" -> String.valueOf(jedis.get(key));
            case "hash" -> jedis.hgetAll(key).toString();
            case "list" -> jedis.lrange(key, 0, -1).toString();
            case "set" -> jedis.smembers(key).toString();
            case "zset" -> jedis.zrange(key, 0, -1).toString();
            case "stream" -> jedis.xrange(key, "-", "+").toString();
            default -> "";
        });
    }

    private static List<JsonNode> entries(HttpResponse<String> read) {
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        WebChatClient.json(read.body()).forEach(list::add);
        return list;
    }

    private static JsonNode entry(HttpResponse<String> read, String action) {
        return entries(read).stream().filter(e -> e.get("action").asString().equals(action)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no '" + action + "' in " + read.body()));
    }
}
