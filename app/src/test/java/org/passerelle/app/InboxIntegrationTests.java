package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.privacy.Pseudonymizer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A person on the web chat asks for a human; a mediator takes the conversation through the inbox
 * API and they talk, her side on the web chat's own event stream. Also the inbox pages and their
 * event stream. All over real HTTP, on the application with its embedded Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.admin.bootstrap-username=admin",
        "passerelle.admin.bootstrap-password=a-long-test-password"})
class InboxIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + WebChatClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-inbox-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    Pseudonymizer pseudonymizer;

    WebChatClient she;
    WebChatClient staff;

    @BeforeEach
    void people() {
        she = new WebChatClient(port);
        staff = new WebChatClient(port);
    }

    /** She starts in French and asks for a mediator; returns her conversation's pseudonym. */
    private String asksForAHuman() {
        she.say("start");
        she.say("lang:fr");
        she.say("human");
        return pseudonymizer.pseudonym(Channel.WEBCHAT, she.conversationId());
    }

    private JsonNode inboxItem(String id) {
        var list = staff.admin("GET", "/api/inbox/conversations", null);
        assertThat(list.statusCode()).isEqualTo(200);
        for (var item : WebChatClient.json(list.body())) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("conversation " + id + " is not in the inbox: " + list.body());
    }

    @Test
    void aMediatorTakesOverAWebChatConversationAndAnswersOnHerStream() throws Exception {
        var id = asksForAHuman();
        var waiting = inboxItem(id);
        assertThat(waiting.get("state").asString()).isEqualTo("WAITING");
        assertThat(waiting.get("channel").asString()).isEqualTo("webchat");
        assertThat(waiting.get("language").asString()).isEqualTo("fr");
        assertThat(waiting.get("priority").asString()).isEqualTo("NORMAL");
        assertThat(waiting.get("mediator").isNull()).isTrue();
        // The inbox knows her by a pseudonym only, never by the address her page uses.
        assertThat(staff.admin("GET", "/api/inbox/conversations", null).body()).doesNotContain(she.conversationId());

        try (var stream = WebChatEvents.open(she, she.conversationId())) {
            var claimed = staff.admin("POST", "/api/inbox/conversations/" + id + "/claim", null);
            assertThat(claimed.statusCode()).isEqualTo(200);
            var held = WebChatClient.json(claimed.body());
            assertThat(held.get("state").asString()).isEqualTo("WITH_MEDIATOR");
            assertThat(held.get("mediator").asString()).isEqualTo("admin");
            assertThat(held.get("claimedAt").isNull()).isFalse();

            var sent = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages",
                    "{\"text\": \"Bonjour, je m'appelle Awa. Je suis là pour vous.\"}");
            assertThat(sent.statusCode()).isEqualTo(202);
            var seen = stream.awaitContaining("je m'appelle Awa", WAIT);
            // Told first that a mediator is with her, then the mediator's own words.
            assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
        }

        var conversation = WebChatClient.json(staff.admin("GET", "/api/inbox/conversations/" + id, null).body());
        assertThat(conversation.get("transcript").valueStream().map(line -> line.get("author").asString()))
                .contains("PERSON", "MEDIATOR");
    }

    @Test
    void theBotStaysSilentWhileHeldButStillAnswersDanger() throws Exception {
        var id = asksForAHuman();
        assertThat(staff.admin("POST", "/api/inbox/conversations/" + id + "/claim", null).statusCode())
                .isEqualTo(200);

        var quiet = she.say("Je voudrais un titre de séjour");
        assertThat(quiet.get("replies").size()).isZero();
        var transcript = WebChatClient.json(staff.admin("GET", "/api/inbox/conversations/" + id, null).body())
                .get("transcript");
        assertThat(transcript.valueStream().map(line -> line.get("text").asString()))
                .contains("Je voudrais un titre de séjour");

        she.say("au secours");
        assertThat(she.lastText()).contains("17", "112", "114");
        assertThat(inboxItem(id).get("priority").asString()).isEqualTo("DANGER");
        assertThat(inboxItem(id).get("state").asString()).isEqualTo("WITH_MEDIATOR");
    }

    @Test
    void releaseGivesTheConversationBackToTheBot() throws Exception {
        var id = asksForAHuman();
        assertThat(staff.admin("POST", "/api/inbox/conversations/" + id + "/claim", null).statusCode())
                .isEqualTo(200);
        assertThat(staff.admin("POST", "/api/inbox/conversations/" + id + "/release", null).statusCode())
                .isEqualTo(204);

        assertThat(staff.admin("GET", "/api/inbox/conversations/" + id, null).statusCode()).isEqualTo(404);
        var answer = she.say("menu");
        assertThat(answer.get("replies").size()).isPositive();
        assertThat(she.optionKeys()).contains("topics", "human");
        // Back with the bot, the conversation can no longer be answered from the inbox.
        var late = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": \"Encore là ?\"}");
        assertThat(late.statusCode()).isIn(404, 409);
    }

    @Test
    void closingEndsTheHandoff() {
        var id = asksForAHuman();
        staff.admin("POST", "/api/inbox/conversations/" + id + "/claim", null);
        assertThat(staff.admin("POST", "/api/inbox/conversations/" + id + "/close", null).statusCode())
                .isEqualTo(204);
        assertThat(staff.admin("GET", "/api/inbox/conversations/" + id, null).statusCode()).isEqualTo(404);
        assertThat(staff.admin("GET", "/api/inbox/conversations", null).body()).doesNotContain(id);
    }

    @Test
    void refusesBadRequestsWithProblemDetails() {
        var id = asksForAHuman();
        var unknown = staff.admin("POST", "/api/inbox/conversations/" + "A".repeat(32) + "/claim", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(staff.admin("GET", "/api/inbox/conversations/..%2F..%2Fetc", null).statusCode()).isIn(400, 404);

        // Not held by the caller yet: sending is a conflict, not a silent loss.
        var early = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": \"Bonjour\"}");
        assertThat(early.statusCode()).isEqualTo(409);

        staff.admin("POST", "/api/inbox/conversations/" + id + "/claim", null);
        var blank = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": \"   \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        var missing = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        var malformed = staff.admin("POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception");
        var toNobody = staff.admin("POST", "/api/inbox/conversations/" + id + "/transfer", "{\"to\": \" \"}");
        assertThat(toNobody.statusCode()).isEqualTo(400);
    }

    @Test
    void staysClosedToAnonymousCallers() {
        assertThat(staff.call("GET", "/api/inbox/conversations", null, null).statusCode()).isEqualTo(401);
        assertThat(staff.call("GET", "/api/inbox/conversations", null, "wrong-password-123").statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> page(String path, String cookie) {
        var builder = HttpRequest.newBuilder(URI.create(staff.base() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", BASIC);
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return staff.send(builder.GET().build());
    }

    @Test
    void showsTheWaitingConversationInFrenchByDefaultAndInEnglishOnRequest() {
        var id = asksForAHuman();
        var french = page("/inbox", null);
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(french.body()).contains("<html lang=\"fr\"", "Boîte de réception", "#" + id.substring(0, 8))
                .doesNotContain(she.conversationId());
        // Everything the page loads comes from the application itself.
        assertThat(french.body()).doesNotContain("https://", "http://");
        assertThat(staff.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(staff.get("/staff/inbox.js").statusCode()).isEqualTo(200);

        var english = page("/inbox?lang=en", null);
        assertThat(english.body()).contains("<html lang=\"en\"", "My conversations");
        var cookie = english.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("passerelle-lang=")).findFirst().orElseThrow().split(";", 2)[0];
        assertThat(page("/inbox", cookie).body()).contains("My conversations");
        assertThat(page("/inbox?lang=xx", null).body()).contains("Boîte de réception");
    }

    @Test
    void refusesAPagePostWithoutItsCsrfToken() {
        var id = asksForAHuman();
        var forged = HttpRequest.newBuilder(URI.create(staff.base() + "/inbox/conversations/" + id + "/claim"))
                .header("Authorization", BASIC)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(staff.send(forged).statusCode()).isEqualTo(403);
        assertThat(inboxItem(id).get("state").asString()).isEqualTo("WAITING");
    }

    @Test
    void tellsOpenPagesWhenSomeoneNewAsks() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(staff.base() + "/inbox/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", BASIC)
                .GET().build();
        var stream = staff.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        var reader = Executors.newSingleThreadExecutor();
        try (var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            var changed = reader.submit(() -> {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("event:changed")) {
                        return true;
                    }
                }
                return false;
            });
            // Give the poller a first look at the version before the change.
            Thread.sleep(1500);
            asksForAHuman();
            assertThat(changed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            reader.shutdownNow();
        }
    }
}
