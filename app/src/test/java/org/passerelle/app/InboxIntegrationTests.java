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
import java.util.Map;
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

    /** The admin signed in through the login form, as the pages are used. */
    private StaffBrowser signedIn() {
        var browser = new StaffBrowser(port);
        assertThat(browser.signIn("admin", WebChatClient.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    @Test
    void showsTheWaitingConversationInFrenchByDefaultAndInEnglishOnRequest() {
        var id = asksForAHuman();
        var browser = signedIn();
        var french = browser.get("/inbox");
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(french.body()).contains("<html lang=\"fr\"", "Boîte de réception", "#" + id.substring(0, 8))
                .doesNotContain(she.conversationId());
        // Everything the page loads comes from the application itself.
        assertThat(french.body()).doesNotContain("https://", "http://");
        assertThat(staff.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(staff.get("/staff/inbox.js").statusCode()).isEqualTo(200);

        assertThat(browser.get("/inbox?lang=en").body()).contains("<html lang=\"en\"", "My conversations");
        // The choice is remembered in a cookie; a language the pages are not written in means French.
        assertThat(browser.get("/inbox").body()).contains("My conversations");
        assertThat(browser.get("/inbox?lang=de").body()).contains("Boîte de réception");
        assertThat(browser.get("/login?lang=en").body()).contains("Sign in");
    }

    @Test
    void takesAConversationFromThePageOnlyWithItsCsrfToken() {
        var id = asksForAHuman();
        var browser = signedIn();
        var forged = browser.postForm("/inbox/conversations/" + id + "/claim", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(inboxItem(id).get("state").asString()).isEqualTo("WAITING");

        var taken = browser.postForm("/inbox/conversations/" + id + "/claim", Map.of("_csrf", browser.csrfToken()));
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location").orElseThrow()).endsWith("/inbox/conversations/" + id);
        assertThat(inboxItem(id).get("state").asString()).isEqualTo("WITH_MEDIATOR");
        var page = browser.get("/inbox/conversations/" + id);
        assertThat(page.body()).contains("id=\"reply-text\"", "Réponses rapides");
    }

    @Test
    void tellsOpenPagesWhenSomeoneNewAsks() throws Exception {
        var browser = signedIn();
        var request = HttpRequest.newBuilder(URI.create(staff.base() + "/inbox/events"))
                .header("Accept", "text/event-stream")
                .header("Cookie", "JSESSIONID=" + browser.sessionId())
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

    /** A staff account with these languages, created by the admin (once per application). */
    private void mediator(String username, String... languages) {
        var list = String.join("\", \"", languages);
        var created = staff.admin("POST", "/api/team/mediators", """
                {"username": "%s", "displayName": "%s", "password": "%s", "role": "MEDIATOR",
                 "languages": [%s], "skills": []}
                """.formatted(username, username.toUpperCase(java.util.Locale.ROOT), password(username),
                languages.length == 0 ? "" : "\"" + list + "\""));
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    }

    private static String password(String username) {
        return "password-of-" + username;
    }

    /** A JSON request signed in as that mediator. */
    private HttpResponse<String> as(String username, String method, String path, String json) {
        var builder = HttpRequest.newBuilder(URI.create(staff.base() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password(username)).getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return staff.send(builder.build());
    }

    @Test
    void oneMediatorHoldsAConversationUntilSheHandsItToAColleague() {
        mediator("rosa", "fr");
        mediator("nadia", "fr", "ro");
        var id = asksForAHuman();
        assertThat(as("rosa", "POST", "/api/inbox/conversations/" + id + "/claim", null).statusCode()).isEqualTo(200);

        assertThat(as("nadia", "POST", "/api/inbox/conversations/" + id + "/claim", null).statusCode()).isEqualTo(409);
        assertThat(as("nadia", "GET", "/api/inbox/conversations/" + id, null).statusCode()).isEqualTo(409);
        assertThat(as("nadia", "POST", "/api/inbox/conversations/" + id + "/close", null).statusCode()).isEqualTo(409);
        // Admins oversee every conversation.
        assertThat(staff.admin("GET", "/api/inbox/conversations/" + id, null).statusCode()).isEqualTo(200);

        var toNobody = as("rosa", "POST", "/api/inbox/conversations/" + id + "/transfer", "{\"to\": \"nobody\"}");
        assertThat(toNobody.statusCode()).isEqualTo(400);
        var handed = as("rosa", "POST", "/api/inbox/conversations/" + id + "/transfer", "{\"to\": \"nadia\"}");
        assertThat(handed.statusCode()).isEqualTo(200);
        assertThat(WebChatClient.json(handed.body()).get("mediator").asString()).isEqualTo("nadia");

        assertThat(as("rosa", "POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": \"Toujours là\"}")
                .statusCode()).isEqualTo(409);
        assertThat(as("nadia", "POST", "/api/inbox/conversations/" + id + "/messages", "{\"text\": \"Bonjour\"}")
                .statusCode()).isEqualTo(202);
        assertThat(as("nadia", "GET", "/api/inbox/conversations", null).body()).contains(id);
        assertThat(as("rosa", "GET", "/api/inbox/conversations", null).body()).doesNotContain(id);
    }

    @Test
    void aMediatorIsOfferedOnlyTheLanguagesSheSpeaks() {
        mediator("lin", "zh");
        mediator("ioana", "ro", "fr");
        var id = asksForAHuman();
        assertThat(as("lin", "GET", "/api/inbox/conversations", null).body()).doesNotContain(id);
        assertThat(as("ioana", "GET", "/api/inbox/conversations", null).body()).contains(id);
    }
}
