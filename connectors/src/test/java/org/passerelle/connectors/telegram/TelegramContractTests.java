package org.passerelle.connectors.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.passerelle.connectors.support.PublicEndpointFilter;
import org.passerelle.connectors.testkit.ConnectorHarness;
import org.passerelle.connectors.testkit.FixedNotice;
import org.passerelle.connectors.testkit.RecordingIntake;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.MessageIntake;
import org.passerelle.core.channel.MessageIntake.Intake;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.channel.SendFailure;
import org.passerelle.core.channel.Withdrawal;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Telegram connector's contract, courier style: labelled incoming updates with the status
 * and the engine input they must give, and labelled replies with the exact Bot API requests
 * they must make. The connector runs in webhook mode in a small web application holding only
 * its own classes; WireMock stands in for the Bot API.
 */
class TelegramContractTests {

    static final String TOKEN = "123456789:AAtest-token-that-must-never-be-logged";
    static final String SECRET = "webhook-secret_4c1d";
    static final long CHAT = TelegramPayloads.CHAT;
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    static final ConnectorHarness harness = new ConnectorHarness();
    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();
    static ConfigurableApplicationContext context;
    static URI webhook;

    @BeforeAll
    static void startConnector() {
        context = new SpringApplicationBuilder(ConnectorOnly.class)
                .properties("server.port=0", "spring.main.banner-mode=off",
                        "passerelle.telegram.token=" + TOKEN,
                        "passerelle.telegram.mode=webhook",
                        "passerelle.telegram.webhook-secret=" + SECRET,
                        "passerelle.telegram.api-url=" + harness.apiUrl())
                .run();
        webhook = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port")
                + "/connectors/telegram/webhook");
        harness.captureLogs();
    }

    @AfterAll
    static void stopConnector() {
        if (context != null) {
            context.close();
        }
        harness.close();
    }

    @TestFactory
    Stream<DynamicTest> incoming() {
        var rtl = "مرحبا 👋🏽 שלום\u200f zero\u200bwidth \u200d👩‍👧";
        return Stream.of(
                in("valid text (unknown fields ignored)", TelegramPayloads.textUpdate(1001, "bonjour j'ai besoin d'aide", ",\"brand_new_field\":1"))
                        .hands("bonjour j'ai besoin d'aide", "tg:1001"),
                in("/start becomes the word start", TelegramPayloads.textUpdate(1002, "/start", "")).hands("start", "tg:1002"),
                in("/start with a deep-link payload", TelegramPayloads.textUpdate(1003, "/start campaign42", "")).hands("start", "tg:1003"),
                in("callback query hands the option key and is answered", TelegramPayloads.callbackUpdate(1004, "topic:lawyer"))
                        .hands("topic:lawyer", "tg:1004").answersCallback(),
                in("duplicate update id", TelegramPayloads.textUpdate(1005, "encore moi", "")).twice()
                        .hands("encore moi", "tg:1005").hands("encore moi", "tg:1005")
                        .answers(Intake.ACCEPTED, Intake.DUPLICATE),
                in("wrong secret", TelegramPayloads.textUpdate(1006, "forged", "")).secret("not-the-secret")
                        .status(403, "secret token is wrong"),
                in("missing secret", TelegramPayloads.textUpdate(1007, "forged", "")).secret(null)
                        .status(403, "secret token header is missing"),
                in("malformed JSON", "{\"update_id\": 1008, \"message\": ").status(400, "not a Telegram update"),
                in("JSON without update_id", "{\"message\": {}}").status(400, "update_id is missing"),
                in("empty body", "").status(400, "body is empty"),
                in("oversize body", "{\"pad\":\"" + "x".repeat(PublicEndpointFilter.MAX_BODY_BYTES) + "\"}")
                        .status(413, "larger than"),
                in("edited message is not handed over", TelegramPayloads.editedUpdate(1009)),
                in("group message is not handed over", TelegramPayloads.groupUpdate(1010)),
                in("photo gives an empty text", TelegramPayloads.photoUpdate(1011)).hands("", "tg:1011"),
                in("emoji, RTL and zero-width text pass through exactly", TelegramPayloads.textUpdate(1012, rtl, ""))
                        .hands(rtl, "tg:1012"),
                in("store down answers 503 so that Telegram retries", TelegramPayloads.textUpdate(1013, "store down", ""))
                        .mode(RecordingIntake.Mode.STORE_DOWN).hands("store down", "tg:1013")
                        .status(503, "store is unavailable"),
                in("journaled while the store is down: the answer runs sendMessage with the outage notice",
                        TelegramPayloads.textUpdate(1015, "store down, journal up", ""))
                        .mode(RecordingIntake.Mode.JOURNALED).hands("store down, journal up", "tg:1015")
                        .status(200, "{\"method\":\"sendMessage\",\"chat_id\":\"" + CHAT
                                + "\",\"text\":\"Indisponible <quelques minutes> & en danger : 17, 112, SMS 114\"}"),
                in("flood is acknowledged and dropped", TelegramPayloads.textUpdate(1014, "flood flood", ""))
                        .mode(RecordingIntake.Mode.FLOOD).hands("flood flood", "tg:1014"))
                .map(c -> dynamicTest(c.label(), () -> run(c)));
    }

    @TestFactory
    Stream<DynamicTest> outgoing() {
        var first = paragraph("Premier paragraphe.", 3000);
        var second = paragraph("Second paragraphe.", 1998);
        var tooLongKey = "é".repeat(33);
        return Stream.of(
                out("reply with options", new Reply("Que voulez-vous savoir ?",
                        List.of(new Option("topic:lawyer", "Un avocat gratuit"), new Option("menu", "Menu"))))
                        .sends(TelegramPayloads.body("Que voulez-vous savoir ?",
                                "[[{\"text\":\"Un avocat gratuit\",\"callback_data\":\"topic:lawyer\"}],"
                                        + "[{\"text\":\"Menu\",\"callback_data\":\"menu\"}]]")),
                out("HTML is escaped", Reply.text("Tarif < 10 € & plus > rien <b>gras</b>"))
                        .sends(TelegramPayloads.body("Tarif &lt; 10 € &amp; plus &gt; rien &lt;b&gt;gras&lt;/b&gt;", null)),
                out("an option key over 64 bytes is left out", new Reply("Choix",
                        List.of(new Option(tooLongKey, "Trop long"), new Option("ok", "OK"))))
                        .sends(TelegramPayloads.body("Choix", "[[{\"text\":\"OK\",\"callback_data\":\"ok\"}]]")),
                out("5000 characters leave as two messages split at the paragraph",
                        new Reply(first + "\n\n" + second, List.of(new Option("menu", "Menu"))))
                        .sends(TelegramPayloads.body(first, null), TelegramPayloads.body(second, "[[{\"text\":\"Menu\",\"callback_data\":\"menu\"}]]")),
                out("429 is throttled with retry_after", Reply.text("Bonjour"))
                        .answer(error(429, "Too Many Requests: retry after 7", ",\"parameters\":{\"retry_after\":7}"))
                        .sends(TelegramPayloads.body("Bonjour", null)).fails(SendFailure.THROTTLED, "retry_after=7"),
                out("500 is a connection failure", Reply.text("Bonjour"))
                        .answer(error(500, "Internal Server Error", ""))
                        .sends(TelegramPayloads.body("Bonjour", null)).fails(SendFailure.CONNECTION_FAILED, "500"),
                out("502 with an HTML page is a connection failure", Reply.text("Bonjour"))
                        .answer(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"))
                        .sends(TelegramPayloads.body("Bonjour", null)).fails(SendFailure.CONNECTION_FAILED, "unreadable"),
                out("connection reset is a connection failure", Reply.text("Bonjour"))
                        .answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                        .fails(SendFailure.CONNECTION_FAILED, "Bot API"),
                out("403 blocked by the user stops the contact", Reply.text("Bonjour"))
                        .answer(error(403, "Forbidden: bot was blocked by the user", ""))
                        .sends(TelegramPayloads.body("Bonjour", null)).fails(SendFailure.CONTACT_STOPPED, "blocked"),
                out("403 user deactivated stops the contact", Reply.text("Bonjour"))
                        .answer(error(403, "Forbidden: user is deactivated", ""))
                        .sends(TelegramPayloads.body("Bonjour", null)).fails(SendFailure.CONTACT_STOPPED, "deactivated"),
                out("400 is rejected", Reply.text("Bonjour"))
                        .answer(error(400, "Bad Request: chat not found", ""))
                        .sends(TelegramPayloads.body("Bonjour", null)).fails(SendFailure.REJECTED, "chat not found"))
                .map(c -> dynamicTest(c.label(), () -> run(c)));
    }

    private void run(Incoming c) throws Exception {
        harness.reset();
        harness.intake().mode(c.mode());
        if (c.callbackAnswered()) {
            harness.api().stubFor(post(urlEqualTo(apiPath("answercallbackquery"))).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        }
        for (int i = 0; i < c.repeat(); i++) {
            var request = HttpRequest.newBuilder(webhook)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
            if (c.secret() != null) {
                request.header(TelegramWebhookController.SECRET_HEADER, c.secret());
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("status").isEqualTo(c.status());
            if (c.detail() != null) {
                assertThat(response.body()).as("reason").contains(c.detail());
            }
        }
        var handed = harness.intake().received();
        assertThat(handed).allSatisfy(m -> {
            assertThat(m.channel()).isEqualTo(Channel.TELEGRAM);
            assertThat(m.address()).isEqualTo(String.valueOf(CHAT));
            assertThat(m.receivedAt()).isEqualTo(NOW);
        });
        assertThat(handed).extracting(m -> List.of(m.text(), m.channelMessageId())).isEqualTo(c.handed());
        if (c.answers() != null) {
            assertThat(harness.intake().answers()).isEqualTo(c.answers());
        }
        if (c.callbackAnswered()) {
            var answers = harness.api().findAll(postRequestedFor(urlEqualTo(apiPath("answercallbackquery"))));
            assertThat(answers).hasSize(1);
            assertThat(json.readTree(answers.get(0).getBodyAsString()).get("callback_query_id").asText()).isEqualTo("cbq-1");
        }
        harness.verifyClean(secrets(c.handed()));
    }

    private void run(Outgoing c) throws Exception {
        harness.reset();
        harness.api().stubFor(post(urlEqualTo(apiPath("sendmessage"))).willReturn(c.answer()));
        var sender = context.getBean(TelegramSender.class);
        var result = sender.send(new OutboundMessage("m-" + c.label().hashCode(), Channel.TELEGRAM,
                String.valueOf(CHAT), c.reply()));
        if (c.failure() == null) {
            assertThat(result.ok()).as(result.reason()).isTrue();
        } else {
            assertThat(result.failure()).as(result.reason()).contains(c.failure());
            assertThat(result.reason()).contains(c.reasonContains());
        }
        if (c.bodies() != null) {
            var sent = harness.api().findAll(postRequestedFor(urlEqualTo(apiPath("sendmessage"))));
            var actual = new ArrayList<Object>();
            for (var request : sent) {
                actual.add(json.readTree(request.getBodyAsString()));
            }
            var expected = new ArrayList<Object>();
            for (var body : c.bodies()) {
                expected.add(json.readTree(body));
            }
            assertThat(actual).isEqualTo(expected);
        }
        harness.verifyClean(TOKEN, String.valueOf(CHAT), "Bonjour", "Premier paragraphe");
    }

    @Test
    void returnsTheIdTelegramGaveEachPartSoThatItCanBeTakenBack() {
        harness.reset();
        harness.api().stubFor(post(urlEqualTo(apiPath("sendmessage"))).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"message_id\":321,\"date\":1772446531,"
                        + "\"chat\":{\"id\":" + CHAT + ",\"type\":\"private\"},\"text\":\"x\"}}")));

        var result = context.getBean(TelegramSender.class).send(new OutboundMessage("m-receipt", Channel.TELEGRAM,
                String.valueOf(CHAT), Reply.text("Bonjour")));

        assertThat(result.ok()).isTrue();
        assertThat(result.receipts()).containsExactly("321");
    }

    @Test
    void deletesHerMessagesWithAtMostAHundredIdsACall() throws Exception {
        harness.reset();
        harness.api().stubFor(post(urlEqualTo(apiPath("deleteMessages"))).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        var ids = java.util.stream.IntStream.rangeClosed(1, 150).mapToObj(Integer::toString).toList();

        var result = context.getBean(TelegramSender.class).withdraw(new Withdrawal("w-1", Channel.TELEGRAM,
                String.valueOf(CHAT), ids));

        assertThat(result.ok()).as(result.reason()).isTrue();
        var calls = harness.api().findAll(postRequestedFor(urlEqualTo(apiPath("deleteMessages"))));
        assertThat(calls).hasSize(2);
        var first = json.readTree(calls.get(0).getBodyAsString());
        assertThat(first.get("chat_id").asText()).isEqualTo(String.valueOf(CHAT));
        assertThat(first.get("message_ids")).hasSize(100);
        assertThat(json.readTree(calls.get(1).getBodyAsString()).get("message_ids")).hasSize(50);
        harness.verifyClean(TOKEN, String.valueOf(CHAT));
    }

    @Test
    void aThrottledDeletionIsRetriedLaterAndARefusedOneIsNot() {
        harness.reset();
        harness.api().stubFor(post(urlEqualTo(apiPath("deleteMessages")))
                .willReturn(error(429, "Too Many Requests: retry after 3", ",\"parameters\":{\"retry_after\":3}")));
        var sender = context.getBean(TelegramSender.class);
        var withdrawal = new Withdrawal("w-2", Channel.TELEGRAM, String.valueOf(CHAT), List.of("7", "8"));

        var throttled = sender.withdraw(withdrawal);
        harness.api().stubFor(post(urlEqualTo(apiPath("deleteMessages"))).willReturn(
                error(400, "Bad Request: message can't be deleted for everyone", "")));
        var refused = sender.withdraw(withdrawal);

        assertThat(throttled.failure()).contains(SendFailure.THROTTLED);
        assertThat(throttled.retryable()).isTrue();
        assertThat(refused.failure()).contains(SendFailure.REJECTED);
        assertThat(refused.retryable()).isFalse();
    }

    private static String[] secrets(List<List<String>> handed) {
        var secrets = new ArrayList<>(List.of(TOKEN, SECRET, String.valueOf(CHAT)));
        handed.stream().map(h -> h.get(0)).filter(text -> text.length() > 6).forEach(secrets::add);
        return secrets.toArray(String[]::new);
    }

    static String apiPath(String method) {
        return "/bot" + TOKEN + "/" + method;
    }

    private static ResponseDefinitionBuilder error(int code, String description, String extra) {
        return aResponse().withStatus(code).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":" + code + ",\"description\":" + TelegramPayloads.quoted(description) + extra + "}");
    }

    private static String paragraph(String sentence, int length) {
        var text = new StringBuilder();
        while (text.length() < length) {
            text.append(sentence).append(' ');
        }
        return text.substring(0, length - 1) + ".";
    }

    private static Incoming in(String label, String body) {
        return new Incoming(label, body, SECRET, RecordingIntake.Mode.NORMAL, 1, 200, null, List.of(), null, false);
    }

    private static Outgoing out(String label, Reply reply) {
        return new Outgoing(label, reply, okJson("{\"ok\":true,\"result\":{\"message_id\":99,\"date\":1772446531,"
                + "\"chat\":{\"id\":" + CHAT + ",\"type\":\"private\"},\"text\":\"x\"}}"), null, null, null);
    }

    /** One incoming case: a webhook call and what it must give. */
    record Incoming(String label, String body, String secret, RecordingIntake.Mode mode, int repeat, int status,
            String detail, List<List<String>> handed, List<Intake> answers, boolean callbackAnswered) {

        Incoming secret(String value) {
            return new Incoming(label, body, value, mode, repeat, status, detail, handed, answers, callbackAnswered);
        }

        Incoming mode(RecordingIntake.Mode value) {
            return new Incoming(label, body, secret, value, repeat, status, detail, handed, answers, callbackAnswered);
        }

        Incoming twice() {
            return new Incoming(label, body, secret, mode, 2, status, detail, handed, answers, callbackAnswered);
        }

        Incoming status(int value, String reason) {
            return new Incoming(label, body, secret, mode, repeat, value, reason, handed, answers, callbackAnswered);
        }

        Incoming hands(String text, String channelMessageId) {
            var more = new ArrayList<>(handed);
            more.add(List.of(text, channelMessageId));
            return new Incoming(label, body, secret, mode, repeat, status, detail, more, answers, callbackAnswered);
        }

        Incoming answers(Intake... values) {
            return new Incoming(label, body, secret, mode, repeat, status, detail, handed, List.of(values), callbackAnswered);
        }

        Incoming answersCallback() {
            return new Incoming(label, body, secret, mode, repeat, status, detail, handed, answers, true);
        }
    }

    /** One outgoing case: a reply, the Bot API's answer, the requests and the result. */
    record Outgoing(String label, Reply reply, ResponseDefinitionBuilder answer, List<String> bodies,
            SendFailure failure, String reasonContains) {

        Outgoing answer(ResponseDefinitionBuilder value) {
            return new Outgoing(label, reply, value, bodies, failure, reasonContains);
        }

        Outgoing sends(String... values) {
            return new Outgoing(label, reply, answer, List.of(values), failure, reasonContains);
        }

        Outgoing fails(SendFailure value, String reason) {
            return new Outgoing(label, reply, answer, bodies, value, reason);
        }
    }

    /** Only the connector's own classes, the body-size filter and stand-ins for the engine side. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableConfigurationProperties(TelegramSettings.class)
    @ComponentScan(basePackageClasses = TelegramSender.class)
    @Import(PublicEndpointFilter.class)
    static class ConnectorOnly {

        @Bean
        MessageIntake intake() {
            return harness.intake();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        FixedNotice outageNotice() {
            return new FixedNotice();
        }
    }
}
