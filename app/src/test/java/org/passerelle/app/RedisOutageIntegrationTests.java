package org.passerelle.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.journal.JournaledIntake;
import org.passerelle.core.store.TestRedis;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/**
 * Redis killed mid-traffic: the application runs on a Redis server this test stops and starts
 * again (same port, same append-only files). While it is down, every SMS and web chat message
 * gets 200 and the outage notice, and health is DOWN; once it is back, every message received
 * meanwhile gets its bot replies exactly once, health is UP and the journal is empty.
 */
class RedisOutageIntegrationTests {

    private static final String SID = "AC00000000000000000000000000000000";
    private static final String AUTH = "twilio-auth-token-for-outage-tests";
    private static final String PUBLIC = "https://passerelle.example.org";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final int redisPort = TestRedis.freePort();
    private RedisServer redis;
    private WireMockServer twilio;
    private ConfigurableApplicationContext app;
    private WebChatClient client;
    private int sids;

    @BeforeEach
    void start() throws IOException {
        startRedis();
        twilio = new WireMockServer(wireMockConfig().dynamicPort());
        twilio.start();
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(okJson(
                "{\"sid\":\"SM00000000000000000000000000000001\",\"status\":\"queued\"}").withStatus(201)));
        app = new SpringApplicationBuilder(PasserelleApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off", "--passerelle.data-dir=" + dataDir,
                "--passerelle.redis.url=redis://127.0.0.1:" + redisPort,
                "--passerelle.redis.key-prefix=outage:",
                "--passerelle.privacy.secret=a-long-random-secret-for-the-outage-test-0123456789",
                // An external Redis needs its sealing keys given: a fixed test key.
                "--passerelle.privacy.keys.k1=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--passerelle.twilio.account-sid=" + SID, "--passerelle.twilio.auth-token=" + AUTH,
                "--passerelle.twilio.from=+33700000000", "--passerelle.twilio.api-url=" + twilio.baseUrl(),
                "--passerelle.public-base-url=" + PUBLIC,
                "--passerelle.outbox.per-chat.sms=10ms", "--passerelle.journal.replay-interval=200ms");
        client = new WebChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        twilio.stop();
        if (redis != null) {
            redis.stop();
        }
    }

    private void startRedis() throws IOException {
        var dir = Files.createDirectories(dataDir.resolve("test-redis"));
        redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
                .setting("dir \"" + dir + "\"").setting("appendonly yes").setting("appendfsync always")
                .setting("save \"\"").build();
        redis.start();
    }

    @Test
    void answersEveryMessageOfTheOutageExactlyOnceAfterRedisComesBack() throws Exception {
        // Before: how many replies a first message gets in the web chat.
        assertThat(sms("+33600000001", "bonjour").body()).doesNotContain("<Message>");
        var before = new WebChatClient(port());
        int firstWebReplies = before.say("start").get("replies").size();
        var ongoing = new WebChatClient(port());
        ongoing.say("start");
        // The replies of that first SMS leave in the background: all of them before Redis stops.
        settledSends("+33600000001");

        redis.stop();
        awaitThat(() -> client.get("/actuator/health").statusCode() == 503);
        int sentBefore = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size();

        var phones = List.of("+33600000002", "+33600000003", "+33600000004");
        var sidsOfTheOutage = new LinkedHashMap<String, String>();
        for (var phone : phones) {
            var answer = sms(phone, "bonjour");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("<Message>", "17", "112", "114").doesNotContain("<Message/>");
            sidsOfTheOutage.put(phone, lastSid());
        }
        var newcomer = new WebChatClient(port());
        var notice = newcomer.say("start");
        assertThat(notice.get("replies")).hasSize(1);
        assertThat(newcomer.lastText()).contains("112");
        var newcomerEvents = WebChatEvents.open(newcomer, newcomer.conversationId());
        ongoing.say("menu");
        assertThat(ongoing.lastText()).contains("112");
        // Her page reconnects its stream during the outage: her message waits, so the stream opens.
        var ongoingEvents = WebChatEvents.open(ongoing, ongoing.conversationId());

        assertThat(intake().pending()).isEqualTo(5);
        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(503);
        assertThat(WebChatClient.json(client.get("/actuator/health").body()).get("status").asString()).isEqualTo("DOWN");
        Thread.sleep(500);
        assertThat(twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).hasSize(sentBefore);

        startRedis();
        awaitThat(() -> intake().pending() == 0 && client.get("/actuator/health").statusCode() == 200);
        // After: how many replies a first message gets now, to compare with those of the outage.
        assertThat(sms("+33600000009", "bonjour").body()).doesNotContain("<Message>");
        int firstSmsReplies = settledSends("+33600000009");
        assertThat(firstSmsReplies).isPositive();
        for (var phone : phones) {
            assertThat(settledSends(phone)).as("replies to %s", phone).isEqualTo(firstSmsReplies);
            assertThat(bodiesSentTo(phone)).as("replies to %s", phone).doesNotHaveDuplicates()
                    .noneMatch(body -> body.contains("indisponible") || body.contains("unavailable"));
        }
        assertThat(newcomerEvents.awaitContaining("", PATIENCE)).isNotEmpty();
        assertThat(1 + newcomerEvents.drain(Duration.ofSeconds(2)).size()).isEqualTo(firstWebReplies);
        assertThat(ongoingEvents.awaitContaining("", PATIENCE)).isNotEmpty();
        newcomerEvents.close();
        ongoingEvents.close();

        // Twilio delivers one of them again: recognised, not answered twice.
        var phone = phones.get(0);
        assertThat(sms(phone, "bonjour", sidsOfTheOutage.get(phone)).body()).doesNotContain("<Message>");
        assertThat(settledSends(phone)).isEqualTo(firstSmsReplies);
        assertThat(WebChatClient.json(client.get("/actuator/health").body()).get("status").asString()).isEqualTo("UP");
        try (var files = Files.list(dataDir.resolve("journal"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".replaying"))).isEmpty();
        }
    }

    @Test
    void keepsTheJournalSealedOnDisk() throws Exception {
        redis.stop();
        awaitThat(() -> client.get("/actuator/health").statusCode() == 503);
        assertThat(sms("+33611223344", "je suis en danger rue Myrha").statusCode()).isEqualTo(200);

        try (var files = Files.list(dataDir.resolve("journal"))) {
            for (var file : files.toList()) {
                var content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).doesNotContain("danger", "Myrha", "611223344");
            }
        }
        startRedis();
        awaitThat(() -> intake().pending() == 0);
        assertThat(settledSends("+33611223344")).isPositive();
    }

    private JournaledIntake intake() {
        return app.getBean(JournaledIntake.class);
    }

    private int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private String lastSid() {
        return "SM" + String.format("%032d", sids);
    }

    private HttpResponse<String> sms(String from, String body) throws Exception {
        sids++;
        return sms(from, body, lastSid());
    }

    private HttpResponse<String> sms(String from, String body, String sid) throws Exception {
        var params = new TreeMap<String, String>(Map.of("From", from, "To", "+33700000000", "Body", body,
                "MessageSid", sid, "NumMedia", "0"));
        var path = "/connectors/twilio/messages";
        var form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature(PUBLIC + path, params))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** The texts sent to this number through the REST API. */
    private List<String> bodiesSentTo(String phone) {
        var to = "To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        return twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .map(request -> request.getBodyAsString())
                .filter(body -> body.contains(to))
                .map(body -> body.replaceAll(".*Body=([^&]*).*", "$1"))
                .toList();
    }

    /** The REST sends to this number, once no more have come for a while. */
    private int settledSends(String phone) throws InterruptedException {
        var to = "To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int seen = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = (int) twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                    .filter(request -> request.getBodyAsString().contains(to)).count();
            if (now != seen) {
                seen = now;
                stableSince = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - stableSince > Duration.ofSeconds(4).toNanos()) {
                return now;
            }
            Thread.sleep(100);
        }
        return seen;
    }

    private static void awaitThat(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }

    /** Twilio's signature: HMAC-SHA1 of the URL and the sorted parameters, Base64. */
    private static String signature(String url, TreeMap<String, String> params) throws Exception {
        var data = new StringBuilder(url);
        params.forEach((k, v) -> data.append(k).append(v));
        var mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(AUTH.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
