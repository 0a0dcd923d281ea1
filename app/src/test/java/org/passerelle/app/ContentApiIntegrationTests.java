package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
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

    private HttpResponse<String> call(String method, String path, String json, String password) {
        var builder = HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (password != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(builder.build());
    }

    private HttpResponse<String> admin(String method, String path, String json) {
        return call(method, path, json, "a-long-test-password");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return WebChatClient.json(response.body());
    }

    @Test
    void refusesEveryoneWithoutTheAdminLogin() {
        assertThat(call("GET", "/api/content", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/content", null, "wrong-password-here").statusCode()).isEqualTo(401);
        assertThat(admin("GET", "/api/content", null).statusCode()).isEqualTo(200);
        // The person's side stays open.
        assertThat(client.get("/chat").statusCode()).isEqualTo(200);
    }

    @Test
    void editsPublishesAndRollsBackSoThatTheChatFollows() {
        var overview = json(admin("GET", "/api/content", null));
        int base = overview.get("version").asInt();
        assertThat(overview.get("languages").toString()).contains("fr", "en");

        var topic = json(admin("GET", "/api/content/topics/legal_status", null));
        var en = topic.at("/languages/en");
        var draft = """
                {"title": "Is selling sex a crime? No.", "text": %s, "sms": %s, "phrases": %s}
                """.formatted(en.get("text").toString(), en.get("sms").toString(), en.get("phrases").toString());
        var saved = admin("PUT", "/api/content/topics/legal_status/drafts/en", draft);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json(saved).at("/draft/author").asString()).isEqualTo("admin");
        assertThat(json(saved).at("/preview/sms").asString()).contains("119").doesNotContain("{service:");
        assertThat(json(saved).at("/preview/smsEncoding").asString()).isEqualTo("GSM-7");
        assertThat(json(saved).at("/preview/smsSegments").asInt()).isEqualTo(2);

        var conflict = admin("POST", "/api/content/publish", "{\"baseVersion\": " + (base + 5) + "}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).get("currentVersion").asInt()).isEqualTo(base);

        var published = admin("POST", "/api/content/publish", "{\"baseVersion\": " + base + ", \"note\": \"plain\"}");
        assertThat(published.statusCode()).isEqualTo(201);
        assertThat(json(published).get("number").asInt()).isEqualTo(base + 1);

        var she = new WebChatClient(port);
        she.say("English");
        she.say("topics");
        assertThat(she.optionLabels()).contains("Is selling sex a crime? No.");

        var rolledBack = admin("POST", "/api/content/rollback",
                "{\"baseVersion\": " + (base + 1) + ", \"toVersion\": " + base + ", \"note\": \"undo\"}");
        assertThat(rolledBack.statusCode()).isEqualTo(201);
        she.say("topics");
        assertThat(she.optionLabels()).doesNotContain("Is selling sex a crime? No.");
        assertThat(json(admin("GET", "/api/content/versions", null)).size()).isEqualTo(base + 2);
    }

    @Test
    void refusesBrokenDraftsAndPublishesWithTheProblemsNamed() {
        assertThat(admin("PUT", "/api/content/topics/legal_status/drafts/xx", "{}").statusCode()).isEqualTo(404);
        assertThat(admin("PUT", "/api/content/topics/nope/drafts/en",
                "{\"title\":\"t\",\"text\":\"t\",\"sms\":\"s\"}").statusCode()).isEqualTo(400);
        var missing = admin("PUT", "/api/content/topics/legal_status/drafts/en", "{\"title\":\"t\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("title, text and sms are required");

        var unknownReference = admin("PUT", "/api/content/topics/shelter/drafts/en",
                "{\"title\":\"t\",\"text\":\"Call {service:no.such.key}\",\"sms\":\"s\",\"phrases\":[\"a\"]}");
        assertThat(unknownReference.statusCode()).isEqualTo(200);
        int base = json(admin("GET", "/api/content", null)).get("version").asInt();
        var refused = admin("POST", "/api/content/publish", "{\"baseVersion\": " + base + "}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("problems").toString()).contains("topics/shelter.yaml", "no.such.key");
        assertThat(admin("DELETE", "/api/content/topics/shelter/drafts/en", null).statusCode()).isEqualTo(204);
        assertThat(admin("DELETE", "/api/content/topics/shelter/drafts/en", null).statusCode()).isEqualTo(404);
    }
}
