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

/** The service directory editor's REST API over real HTTP, and what the web chat says after a publish. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class DirectoryApiIntegrationTests {

    private static final String PHONE = "01 53 41 86 60";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-directory-api-test");
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

    private JsonNode entry(String key) {
        var entries = json(client.admin("GET", "/api/content/directory", null)).get("entries");
        return entries.valueStream().filter(e -> e.get("key").asString().equals(key)).findFirst().orElseThrow();
    }

    /** Everything the bot answered to one message, every reply's text. */
    private static String answer(WebChatClient she, String text) {
        var replies = she.say(text).get("replies");
        return String.join("\n", replies.valueStream().map(r -> r.get("text").asString()).toList());
    }

    private String askAboutALawyer(String language, String question) {
        var she = new WebChatClient(port);
        she.say("start");
        she.say("lang:" + language);
        return answer(she, question);
    }

    @Test
    void anAdminFixesThePadPhoneNumberAndTheChatGivesItInFrenchAndArabic() {
        var before = entry("pad18.phone");
        assertThat(before.at("/published/confirmed").asBoolean()).isFalse();
        assertThat(before.get("phone").asBoolean()).isTrue();
        assertThat(before.get("usedIn").toString()).contains("lawyer");
        assertThat(askAboutALawyer("fr", "je veux voir un avocat")).contains("Téléphone : demandez à une médiatrice");

        var saved = client.admin("PUT", "/api/content/directory/pad18.phone", "{\"value\": \" " + PHONE + " \"}");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(json(saved).at("/draft/entry/value").asString()).isEqualTo(PHONE);
        assertThat(json(saved).at("/draft/entry/confirmed").asBoolean()).isTrue();
        assertThat(json(saved).at("/draft/entry/note").asString()).isEqualTo("Téléphone du PAD du 18e");
        assertThat(json(saved).at("/preview/id").asString()).isEqualTo("lawyer");
        assertThat(json(saved).at("/preview/text").asString()).contains("Téléphone : " + PHONE);
        // Not in force before the publish.
        assertThat(askAboutALawyer("fr", "je veux voir un avocat")).doesNotContain(PHONE);

        int base = json(client.admin("GET", "/api/content", null)).get("version").asInt();
        var published = client.admin("POST", "/api/content/publish",
                "{\"baseVersion\": " + base + ", \"note\": \"numéro du PAD\"}");
        assertThat(published.statusCode()).isEqualTo(201);
        assertThat(entry("pad18.phone").get("draft").isNull()).isTrue();

        assertThat(askAboutALawyer("fr", "je veux voir un avocat")).contains("Téléphone : " + PHONE);
        assertThat(askAboutALawyer("ar", "بغيت محامي")).contains("الهاتف: " + PHONE);
        assertThat(askAboutALawyer("zh", "我需要律师")).contains("电话：" + PHONE);

        var rolledBack = client.admin("POST", "/api/content/rollback",
                "{\"baseVersion\": " + (base + 1) + ", \"toVersion\": " + base + ", \"note\": \"pas encore\"}");
        assertThat(rolledBack.statusCode()).isEqualTo(201);
        assertThat(askAboutALawyer("ar", "بغيت محامي")).doesNotContain(PHONE);
    }

    @Test
    void refusesBadDraftsWithTheFieldNamedAndSavesNothing() {
        var notAPhone = client.admin("PUT", "/api/content/directory/number.police", "{\"value\": \"la police\"}");
        assertThat(notAPhone.statusCode()).isEqualTo(400);
        assertThat(json(notAPhone).at("/problems/0/field").asString()).isEqualTo("value");
        assertThat(json(notAPhone).at("/problems/0/reason").asString()).isEqualTo("phone");

        var inUse = client.admin("PUT", "/api/content/directory/pad18.address", "{\"remove\": true}");
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(json(inUse).at("/problems/0/message").asString()).contains("topic lawyer");
        assertThat(client.admin("PUT", "/api/content/directory/no.such", "{\"remove\": true}").statusCode())
                .isEqualTo(404);

        var badKey = client.admin("PUT", "/api/content/directory/Bad%20Key", "{\"value\": \"x\"}");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(json(badKey).at("/problems/0/field").asString()).isEqualTo("key");
        var badLanguage = client.admin("PUT", "/api/content/directory/pad18.hours", "{\"values\": {\"xx\": \"le lundi\"}}");
        assertThat(badLanguage.statusCode()).isEqualTo(400);
        assertThat(json(badLanguage).at("/problems/0/field").asString()).isEqualTo("values.xx");
        var confirmedEmpty = client.admin("PUT", "/api/content/directory/pad18.hours", "{\"confirmed\": true}");
        assertThat(confirmedEmpty.statusCode()).isEqualTo(400);
        assertThat(json(confirmedEmpty).at("/problems/0/reason").asString()).isEqualTo("no_value");
        var malformed = client.admin("PUT", "/api/content/directory/pad18.hours", "{\"value\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception");

        assertThat(client.admin("DELETE", "/api/content/directory/pad18.hours", null).statusCode()).isEqualTo(404);
        assertThat(json(client.admin("GET", "/api/content/directory", null)).get("entries").valueStream()
                .filter(e -> !e.get("draft").isNull())).isEmpty();
    }

    @Test
    void keepsValuesPerLanguageAndListsANewEntryUntilItsDraftIsDiscarded() {
        var hours = client.admin("PUT", "/api/content/directory/pad18.hours",
                "{\"values\": {\"fr\": \"le mardi, 14 h - 17 h\", \"ar\": \"الثلاثاء\", \"en\": \" \"}}");
        assertThat(hours.statusCode()).isEqualTo(200);
        assertThat(json(hours).at("/draft/entry/values").toString()).contains("\"fr\"", "\"ar\"").doesNotContain("\"en\"");
        assertThat(client.admin("DELETE", "/api/content/directory/pad18.hours", null).statusCode()).isEqualTo(204);

        var created = client.admin("PUT", "/api/content/directory/bus.phone", "{\"value\": \"+33 6 12 34 56 78\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        var listed = entry("bus.phone");
        assertThat(listed.get("published").isNull()).isTrue();
        assertThat(listed.get("group").asString()).isEqualTo("bus");
        assertThat(listed.at("/draft/entry/value").asString()).isEqualTo("+33 6 12 34 56 78");
        assertThat(client.admin("DELETE", "/api/content/directory/bus.phone", null).statusCode()).isEqualTo(204);
    }
}
