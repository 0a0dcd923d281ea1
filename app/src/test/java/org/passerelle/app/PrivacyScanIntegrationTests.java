package org.passerelle.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.Pseudonymizer;
import org.passerelle.core.store.RedisStore;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The black-box privacy scan: she writes by SMS (signed Twilio webhooks) and by Telegram (the
 * webhook with its secret), in danger so that a mediator is asked for; then every Redis key and
 * value, of every type, and every log line written at any level (org.passerelle at TRACE) are
 * searched for her number in all its shapes, her chat id, her name on Telegram and the words she
 * wrote. None may be found in clear. Then she erases through each channel, and nothing of hers
 * may be left: no key or value naming her pseudonym (but the flood counter, which outlives an
 * erase by a minute at most so that erasing cannot lift the limit), no sealed value that opens
 * to her address or her words; on Telegram the bot's messages to her are deleted.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyScanIntegrationTests {

    private static final String TOKEN = "7012345678:AAF0k9vZb3xQwErTyUiOpAsDfGhJkLzXc12";
    private static final String HOOK_SECRET = "scan-hook-secret_7";
    private static final String SID = "AC11111111111111111111111111111111";
    private static final String AUTH = "twilio-auth-token-of-the-scan";
    private static final String PUBLIC = "https://passerelle.example.org";
    private static final String PHONE = "+33612345678";
    private static final List<String> PHONE_SHAPES = List.of(PHONE, "33612345678", "0612345678", "612345678",
            "+33 6 12 34 56 78", "06 12 34 56 78", "%2B33612345678");
    private static final long CHAT = 5123456789L;
    private static final List<String> TELEGRAM_SHAPES = List.of(Long.toString(CHAT), "Ysolde", "ysolde_k");
    private static final String SMS_WORD = "Quenobril";
    private static final String TELEGRAM_WORD = "Zarvatine";

    private static WireMockServer api;
    private static ConfigurableApplicationContext app;
    private static WebChatClient client;
    private static int updateId = 5000;

    private final ObjectMapper json = new ObjectMapper();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
        // Each message gets its own id, as Telegram gives them.
        api.stubFor(post(urlPathMatching("(?i)/bot.*/sendmessage")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=1000 upper=2000000}},"
                        + "\"date\":1772446531,\"chat\":{\"id\":" + CHAT + ",\"type\":\"private\"},\"text\":\"x\"}}")));
        api.stubFor(post(urlPathMatching("(?i)/bot.*/(setwebhook|answercallbackquery|deletemessages)"))
                .willReturn(okJson("{\"ok\":true,\"result\":true}")));
        api.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json")).willReturn(okJson(
                "{\"sid\":\"SM00000000000000000000000000000001\",\"status\":\"queued\"}").withStatus(201)));
        var dataDir = Files.createTempDirectory("passerelle-privacy-scan");
        app = new SpringApplicationBuilder(PasserelleApplication.class).run("--server.port=0",
                "--passerelle.data-dir=" + dataDir, "--logging.level.org.passerelle=TRACE",
                "--passerelle.telegram.token=" + TOKEN, "--passerelle.telegram.api-url=" + api.baseUrl(),
                "--passerelle.telegram.mode=webhook", "--passerelle.telegram.webhook-secret=" + HOOK_SECRET,
                "--passerelle.twilio.account-sid=" + SID, "--passerelle.twilio.auth-token=" + AUTH,
                "--passerelle.twilio.from=+33700000000", "--passerelle.twilio.api-url=" + api.baseUrl(),
                "--passerelle.public-base-url=" + PUBLIC);
        client = new WebChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        api.stop();
    }

    @BeforeEach
    void captureEvents() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        events.setContext(context);
        events.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(events);
    }

    @AfterEach
    void stopCapturing() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(events);
        events.stop();
    }

    @Test
    void anSmsConversationLeavesNothingInClearAndNothingAtAllOnceErased(CapturedOutput output) throws Exception {
        var pseudonym = pseudonym(Channel.SMS, PHONE);
        var needles = needles(PHONE_SHAPES, SMS_WORD);

        sms("Au secours " + SMS_WORD + " il me frappe", 1);
        sms("effacer", 2);
        assertNothingInClear(needles);
        assertThat(hersIn(pseudonym, needles)).as("before the erase, Redis holds her conversation").isNotEmpty();

        sms("1", 3);
        assertNothingInClear(needles);
        assertNothingOfHerLeft(pseudonym, needles);
        assertLogsClean(output, needles);
    }

    @Test
    void aTelegramConversationLeavesNothingInClearAndItsMessagesAreDeletedOnErase(CapturedOutput output)
            throws Exception {
        var pseudonym = pseudonym(Channel.TELEGRAM, Long.toString(CHAT));
        var needles = needles(TELEGRAM_SHAPES, TELEGRAM_WORD);

        telegram(message(TELEGRAM_WORD + " au secours, il me menace"));
        telegram(message("effacer"));
        assertNothingInClear(needles);
        assertThat(hersIn(pseudonym, needles)).as("before the erase, Redis holds her conversation").isNotEmpty();
        var sentBefore = sentMessageIds();

        telegram(callback("erase:yes"));
        awaitRequests("(?i)/bot.*/deletemessages", 1);
        assertNothingInClear(needles);
        assertNothingOfHerLeft(pseudonym, needles);
        assertLogsClean(output, needles);

        var deletion = api.findAll(postRequestedFor(urlPathMatching("(?i)/bot.*/deletemessages")));
        assertThat(deletion).hasSize(1);
        var body = json.readTree(deletion.get(0).getBodyAsString());
        assertThat(body.get("chat_id").asText()).isEqualTo(Long.toString(CHAT));
        var deleted = new ArrayList<String>();
        body.get("message_ids").forEach(id -> deleted.add(id.asText()));
        assertThat(deleted).containsExactlyInAnyOrderElementsOf(sentBefore);
    }

    private List<String> needles(List<String> shapes, String word) {
        var all = new ArrayList<>(shapes);
        all.add(word);
        return all;
    }

    private void assertNothingInClear(List<String> needles) {
        var items = RedisScan.all(store());
        for (var needle : needles) {
            assertThat(items).as("Redis values in clear").noneMatch(item -> item.mentions(needle));
        }
    }

    /** The keys naming her pseudonym or holding it, and the sealed values that open to her. */
    private List<String> hersIn(String pseudonym, List<String> needles) {
        var items = RedisScan.all(store());
        var hers = new ArrayList<String>();
        items.stream().filter(item -> item.mentions(pseudonym)).forEach(item -> hers.add(item.key()));
        var sealers = List.of(app.getBean(AddressSealer.class), app.getBean(EngineConfiguration.TextSealer.class).sealer());
        for (var sealer : sealers) {
            RedisScan.opened(items, sealer::open).stream()
                    .filter(plain -> needles.stream().anyMatch(plain::contains))
                    .forEach(plain -> hers.add("a sealed value of hers"));
        }
        return hers;
    }

    private void assertNothingOfHerLeft(String pseudonym, List<String> needles) {
        var flood = store().key("flood", pseudonym);
        assertThat(hersIn(pseudonym, needles)).as("what is left of her after the erase").allMatch(flood::equals);
        assertThat(store().<Long>call(jedis -> jedis.ttl(flood))).isLessThanOrEqualTo(60);
    }

    private void assertLogsClean(CapturedOutput output, List<String> needles) {
        var written = output.getAll();
        assertThat(written).as("the log output").contains("erased conversation=");
        List<String> raw;
        synchronized (events) {
            raw = events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(e -> e.getFormattedMessage() + ThrowableProxyUtil.asString(e.getThrowableProxy())).toList();
        }
        for (var needle : needles) {
            assertThat(written).as("log output at every level").doesNotContain(needle);
            assertThat(raw).as("log events at INFO or above, before masking").noneMatch(line -> line.contains(needle));
        }
    }

    private RedisStore store() {
        return app.getBean(RedisStore.class);
    }

    private String pseudonym(Channel channel, String address) {
        return app.getBean(Pseudonymizer.class).pseudonym(channel, address);
    }

    private void sms(String body, int turn) throws Exception {
        int before = requests("/2010-04-01/Accounts/" + SID + "/Messages.json");
        var params = new TreeMap<String, String>(Map.of("From", PHONE, "To", "+33700000000", "Body", body,
                "MessageSid", "SM" + "%032d".formatted(turn), "NumMedia", "0"));
        var path = "/connectors/twilio/messages";
        var form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.of(AUTH, PUBLIC + path, params))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        assertThat(client.send(request).statusCode()).isEqualTo(200);
        awaitQuiet("/2010-04-01/Accounts/" + SID + "/Messages.json", before);
    }

    private void telegram(String update) throws Exception {
        int before = requests("(?i)/bot.*/sendmessage");
        var request = HttpRequest.newBuilder(URI.create(client.base() + "/connectors/telegram/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", HOOK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build();
        assertThat(client.send(request).statusCode()).isEqualTo(200);
        awaitQuiet("(?i)/bot.*/sendmessage", before);
    }

    private static String chat() {
        return "\"chat\":{\"id\":" + CHAT + ",\"type\":\"private\",\"first_name\":\"Ysolde\",\"username\":\"ysolde_k\"}";
    }

    private static String from() {
        return "\"from\":{\"id\":" + CHAT + ",\"is_bot\":false,\"first_name\":\"Ysolde\",\"username\":\"ysolde_k\"}";
    }

    private static String message(String text) {
        int id = ++updateId;
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1772446530," + chat() + ","
                + from() + ",\"text\":\"" + text + "\"}}";
    }

    private static String callback(String data) {
        int id = ++updateId;
        return "{\"update_id\":" + id + ",\"callback_query\":{\"id\":\"cbq-" + id + "\"," + from()
                + ",\"chat_instance\":\"ci-1\",\"data\":\"" + data + "\",\"message\":{\"message_id\":1500,"
                + "\"date\":1772446531," + chat() + ",\"text\":\"?\"}}}";
    }

    /** The ids the Bot API stub gave the messages sent so far. */
    private List<String> sentMessageIds() throws Exception {
        var ids = new ArrayList<String>();
        for (var event : api.getAllServeEvents()) {
            if (event.getRequest().getUrl().toLowerCase().endsWith("/sendmessage")) {
                ids.add(json.readTree(event.getResponse().getBodyAsString()).at("/result/message_id").asText());
            }
        }
        return ids;
    }

    private static int requests(String pathRegex) {
        return api.findAll(postRequestedFor(urlPathMatching(pathRegex))).size();
    }

    private static void awaitRequests(String pathRegex, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (requests(pathRegex) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Waits until more requests came than before and no new one for a while: the turn's replies left. */
    private static void awaitQuiet(String pathRegex, int before) throws InterruptedException {
        awaitRequests(pathRegex, before + 1);
        int seen = requests(pathRegex);
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() - quietSince < Duration.ofMillis(1500).toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            int now = requests(pathRegex);
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
    }
}
