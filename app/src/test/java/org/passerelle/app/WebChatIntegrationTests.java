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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.passerelle.connectors.webchat.WebChatSender;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.channel.SendFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web chat over real HTTP, on the application with its embedded Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebChatIntegrationTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("passerelle-webchat-test");
        registry.add("passerelle.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    ContentCatalog content;

    @Autowired
    WebChatSender sender;

    @Autowired
    org.passerelle.core.outbox.Outbox outbox;

    @Autowired
    org.passerelle.core.store.RedisStore store;

    @Autowired
    EngineConfiguration.TextSealer texts;

    @Autowired
    org.passerelle.core.privacy.AddressSealer addresses;

    WebChatClient she;

    @BeforeEach
    void person() {
        she = new WebChatClient(port);
    }

    private java.util.List<String> languageKeys() {
        return content.languages().stream().map(l -> "lang:" + l.code()).toList();
    }

    @Test
    void carriesAWholeFirstConversation() {
        var first = she.say("start");
        assertThat(she.conversationId()).matches("[A-Za-z0-9_-]{32}");
        assertThat(first.get("language").asString()).isEqualTo("fr");
        assertThat(first.get("direction").asString()).isEqualTo("ltr");
        assertThat(first.get("replies").get(0).get("text").asString()).contains("17", "112", "114");
        assertThat(she.optionKeys()).isEqualTo(languageKeys());

        she.say("English");
        assertThat(she.lastText()).contains(content.ui(Language.EN, "menu.title"));
        assertThat(she.optionKeys()).containsExactly("topics", "book", "human", "emergency", "lang");

        she.say("1");
        assertThat(she.lastText()).isEqualTo(content.ui(Language.EN, "topics.title"));
        var label = content.topic("residence_permit").orElseThrow().in(Language.EN).orElseThrow().title();
        she.say(label);
        assertThat(she.lastText()).contains("L425-1");

        she.say("0");
        assertThat(she.lastText()).isEqualTo(content.ui(Language.EN, "menu.title"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void carriesAWholeConversationInEachLanguage(Language language) {
        she.say("start");
        she.say("lang:" + language.code());
        assertThat(she.lastText()).contains(content.ui(language, "menu.title"));

        she.say("1");
        assertThat(she.lastText()).isEqualTo(content.ui(language, "topics.title"));
        var permit = content.topic("residence_permit").orElseThrow();
        she.say(permit.in(language).orElseThrow().title());
        assertThat(she.lastText()).contains(content.ui(language, "topic.sources")).contains("L425-1");

        var lawyer = content.topic("lawyer").orElseThrow();
        she.say(lawyer.in(language).orElseThrow().phrases().get(0));
        assertThat(she.lastText()).contains(lawyer.sources().get(0));

        she.say("0");
        assertThat(she.lastText()).isEqualTo(content.ui(language, "menu.title"));
        she.say("erase");
        assertThat(she.lastText()).isEqualTo(content.ui(language, "erase.confirm"));
        she.say("erase:yes");
        assertThat(she.lastText()).isEqualTo(content.ui(language, "erase.done"));
    }

    @Test
    void writesRightToLeftInArabic() {
        she.say("start");
        var answer = she.say("lang:ar");
        assertThat(answer.get("language").asString()).isEqualTo("ar");
        assertThat(answer.get("direction").asString()).isEqualTo("rtl");
        assertThat(she.lastText()).contains(content.ui(Language.AR, "menu.title"));
    }

    @Test
    void servesThePageWithoutCachingOrFraming() {
        var page = she.get("/chat");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.body()).contains("/chat/chat.js");
        assertThat(she.get("/chat/chat.js").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesBadInputWithAReasonAndNeverAStackTrace() {
        var empty = she.post("/webchat/api/messages", "{\"text\":\"   \"}", "application/json");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("text is required").doesNotContain("Exception");

        var malformed = she.post("/webchat/api/messages", "{\"text\": ", "application/json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");

        var forged = she.post("/webchat/api/messages",
                "{\"conversationId\":\"../../etc/passwd\",\"text\":\"hello\"}", "application/json");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("conversationId is malformed");

        var tooLong = she.post("/webchat/api/messages", "{\"text\":\"" + "a".repeat(2001) + "\"}", "application/json");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("longer than 2000");

        var huge = she.post("/webchat/api/messages", "{\"text\":\"" + "a".repeat(200_000) + "\"}", "application/json");
        assertThat(huge.statusCode()).isEqualTo(413);

        var wrongType = she.post("/webchat/api/messages", "text=hello", "application/x-www-form-urlencoded");
        assertThat(wrongType.statusCode()).isEqualTo(415);
    }

    @Test
    void refusesAChunkedBodyOverTheLimit() {
        var chunks = java.util.List.of(("{\"text\":\"" + "b".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(she.base() + "/webchat/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(chunks)))
                .build();
        assertThat(she.send(request).statusCode()).isEqualTo(413);
    }

    @Test
    void answersOddUnicodeAndEmoji() {
        she.say("start");
        she.say("\u200B2\u200B");
        assertThat(she.lastText()).contains(content.ui(Language.EN, "menu.title"));
        var odd = she.say("\u200F👋 مرحبا \u202Ehello\u202C \u0000 ");
        assertThat(odd.get("replies").size()).isPositive();
        assertThat(she.say("🙂🙂🙂").get("replies").size()).isPositive();
    }

    @Test
    void deliversLaterMessagesOnTheEventStream() throws Exception {
        she.say("start");
        var id = she.conversationId();
        var request = HttpRequest.newBuilder(URI.create(she.base() + "/webchat/api/conversations/" + id + "/events"))
                .header("Accept", "text/event-stream")
                .GET().build();
        var stream = she.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);

        var reader = Executors.newSingleThreadExecutor();
        try (var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            var event = reader.submit(() -> {
                String line;
                String name = null;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:") && "reply".equals(name)) {
                        return line.substring(5).strip();
                    }
                }
                return null;
            });
            var reply = new Reply("Bonjour, je suis Awa, médiatrice.", java.util.List.of(new Option("menu", "Menu")));
            // Through the outbox, as a mediator's answer goes: the sending loop finds the open stream.
            outbox.enqueue("a-conversation", Channel.WEBCHAT, id, java.util.List.of(reply));
            var data = WebChatClient.json(event.get(5, TimeUnit.SECONDS));
            assertThat(data.get("text").asString()).isEqualTo("Bonjour, je suis Awa, médiatrice.");
            assertThat(data.get("options").get(0).get("key").asString()).isEqualTo("menu");
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void keepsAMessageWaitingForAClosedPageSealedUnderTheKeyOfTexts() {
        var id = "W".repeat(32);
        var words = "Awa vous attend jeudi, code 4711";
        outbox.enqueue("a-waiting-conversation", Channel.WEBCHAT, id,
                java.util.List.of(new Reply(words, java.util.List.of(new Option("menu", "Menu")))));

        var fields = store.call(jedis -> jedis.xrevrange(store.key("outbox"), "+", "-", 50)).stream()
                .map(entry -> entry.getFields())
                .filter(entry -> "a-waiting-conversation".equals(entry.get("conv")))
                .findFirst().orElseThrow();
        assertThat(fields.values()).noneMatch(value -> value.contains(id) || value.contains("Awa")
                || value.contains("4711"));
        assertThat(texts.sealer().open(fields.get("reply"))).contains(words);
        assertThat(addresses.open(fields.get("to"))).isEqualTo(id);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> addresses.open(fields.get("reply")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsAClosedPageAsARetryableFailure() {
        var result = sender.send(new OutboundMessage("m2", Channel.WEBCHAT, "x".repeat(32), Reply.text("hi")));
        assertThat(result.ok()).isFalse();
        assertThat(result.failure()).contains(SendFailure.CONNECTION_FAILED);
        assertThat(result.retryable()).isTrue();
    }

    @Test
    void saysAGoneConversationIsGone() {
        var gone = she.get("/webchat/api/conversations/" + "A".repeat(32) + "/events");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(she.get("/webchat/api/conversations/short/events").statusCode()).isEqualTo(400);
    }

    @Test
    void reportsRedisInHealth() {
        var health = she.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        var json = WebChatClient.json(health.body());
        assertThat(json.get("status").asString()).isEqualTo("UP");
        assertThat(json.at("/components/redis/status").asString()).isEqualTo("UP");
        // Details (paths, modes) stay hidden from the public.
        assertThat(json.at("/components/redis/details").isMissingNode()).isTrue();
    }
}
