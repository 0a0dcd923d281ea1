package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The content editor's REST API over real HTTP, behind the admin login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class ContentApiIntegrationTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-content-api-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    WebChatClient client;

    @BeforeEach
    void client() {
        client = new WebChatClient(port);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return WebChatClient.json(response.body());
    }

    @Test
    void refusesEveryoneWithoutTheAdminLogin() {
        assertThat(client.call("GET", "/api/content", null, null).statusCode()).isEqualTo(401);
        assertThat(client.call("GET", "/api/content", null, "wrong-password-here").statusCode()).isEqualTo(401);
        assertThat(client.admin("GET", "/api/content", null).statusCode()).isEqualTo(200);
        // The person's side stays open.
        assertThat(client.get("/chat").statusCode()).isEqualTo(200);
    }

    @Test
    void editsPublishesAndRollsBackSoThatTheChatFollows() {
        var overview = json(client.admin("GET", "/api/content", null));
        int base = overview.get("version").asInt();
        assertThat(overview.get("languages").toString()).contains("fr", "en");

        var topic = json(client.admin("GET", "/api/content/topics/legal_status", null));
        var en = topic.at("/languages/en");
        var draft = """
                {"title": "Is selling sex a crime? No.", "text": %s, "sms": %s, "phrases": %s}
                """.formatted(en.get("text").toString(), en.get("sms").toString(), en.get("phrases").toString());
        var saved = client.admin("PUT", "/api/content/topics/legal_status/drafts/en", draft);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json(saved).at("/draft/author").asString()).isEqualTo("admin");
        assertThat(json(saved).at("/preview/sms").asString()).contains("119").doesNotContain("{service:");
        assertThat(json(saved).at("/preview/smsEncoding").asString()).isEqualTo("GSM-7");
        assertThat(json(saved).at("/preview/smsSegments").asInt()).isEqualTo(2);

        var conflict = client.admin("POST", "/api/content/publish", "{\"baseVersion\": " + (base + 5) + "}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).get("currentVersion").asInt()).isEqualTo(base);

        var published = client.admin("POST", "/api/content/publish", "{\"baseVersion\": " + base + ", \"note\": \"plain\"}");
        assertThat(published.statusCode()).isEqualTo(201);
        assertThat(json(published).get("number").asInt()).isEqualTo(base + 1);

        var she = new WebChatClient(port);
        she.say("English");
        she.say("topics");
        assertThat(she.optionLabels()).contains("Is selling sex a crime? No.");

        var rolledBack = client.admin("POST", "/api/content/rollback",
                "{\"baseVersion\": " + (base + 1) + ", \"toVersion\": " + base + ", \"note\": \"undo\"}");
        assertThat(rolledBack.statusCode()).isEqualTo(201);
        she.say("topics");
        assertThat(she.optionLabels()).doesNotContain("Is selling sex a crime? No.");
        assertThat(json(client.admin("GET", "/api/content/versions", null)).size()).isEqualTo(base + 2);
    }

    @Test
    void refusesBrokenDraftsAndPublishesWithTheProblemsNamed() {
        assertThat(client.admin("PUT", "/api/content/topics/legal_status/drafts/xx", "{}").statusCode()).isEqualTo(404);
        assertThat(client.admin("PUT", "/api/content/topics/nope/drafts/en",
                "{\"title\":\"t\",\"text\":\"t\",\"sms\":\"s\"}").statusCode()).isEqualTo(400);
        var missing = client.admin("PUT", "/api/content/topics/legal_status/drafts/en", "{\"title\":\"t\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("title, text and sms are required");

        var unknownReference = client.admin("PUT", "/api/content/topics/shelter/drafts/en",
                "{\"title\":\"t\",\"text\":\"Call {service:no.such.key}\",\"sms\":\"s\",\"phrases\":[\"a\"]}");
        assertThat(unknownReference.statusCode()).isEqualTo(200);
        int base = json(client.admin("GET", "/api/content", null)).get("version").asInt();
        var refused = client.admin("POST", "/api/content/publish", "{\"baseVersion\": " + base + "}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("problems").toString()).contains("topics/shelter.yaml", "no.such.key");
        assertThat(client.admin("DELETE", "/api/content/topics/shelter/drafts/en", null).statusCode()).isEqualTo(204);
        assertThat(client.admin("DELETE", "/api/content/topics/shelter/drafts/en", null).statusCode()).isEqualTo(404);
    }
}
