package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.core.store.RoundTripProxy;
import org.passerelle.core.store.TestRedis;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Redis round trips of a whole request, counted by a relay in front of the server: a signed
 * SMS through Twilio's webhook and a web chat message, from the HTTP request to the answer,
 * per-address limit included. The senders and the inbox's poller wait an hour here; the loops
 * that still run now and then (reminders, the pool's checks) could add a round trip to one
 * request, so each kind of turn is sent three times and its cheapest count is the one asserted:
 * a turn that costs more every time still fails.
 */
class TurnRoundTripsIntegrationTests {

    private static final String SID = "AC00000000000000000000000000000000";
    private static final String AUTH = "twilio-auth-token-for-tests";
    private static final String PUBLIC = "https://passerelle.example.org";
    private static final String PATH = "/connectors/twilio/messages";

    private static RoundTripProxy proxy;
    private static ConfigurableApplicationContext app;
    private static WebChatClient client;
    private static int sids;

    @BeforeAll
    static void start() throws Exception {
        proxy = RoundTripProxy.start("127.0.0.1", TestRedis.port());
        app = new SpringApplicationBuilder(PasserelleApplication.class).run("--server.port=0",
                "--passerelle.data-dir=" + Files.createTempDirectory("passerelle-round-trips"),
                "--passerelle.redis.url=redis://127.0.0.1:" + proxy.port(),
                "--passerelle.redis.key-prefix=rt-" + UUID.randomUUID() + ":",
                "--passerelle.privacy.secret=a-long-random-secret-for-the-round-trip-test-0123456789",
                "--passerelle.privacy.keys.k1=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--passerelle.outbox.poll-interval=1h", "--passerelle.inbox.poll-interval=1h",
                "--passerelle.twilio.account-sid=" + SID, "--passerelle.twilio.auth-token=" + AUTH,
                "--passerelle.twilio.from=+33700000000", "--passerelle.twilio.api-url=http://127.0.0.1:9",
                "--passerelle.public-base-url=" + PUBLIC);
        client = new WebChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        proxy.close();
    }

    private static HttpRequest sms(String from, String body, boolean signed) {
        var params = new TreeMap<String, String>(Map.of("From", from, "To", "+33700000000", "Body", body,
                "MessageSid", String.format("SM%032d", ++sids), "NumMedia", "0"));
        var form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var signature = TwilioSignature.of(AUTH, PUBLIC + PATH, params);
        return HttpRequest.newBuilder(URI.create(client.base() + PATH)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signed ? signature : "forged" + signature)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    /** The fewest round trips of three sends of this kind of turn, each answered with this status. */
    private static long cheapest(java.util.function.Supplier<HttpRequest> request, int status) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            var next = request.get();
            proxy.reset();
            assertThat(client.send(next).statusCode()).isEqualTo(status);
            fewest = Math.min(fewest, proxy.roundTrips());
        }
        return fewest;
    }

    @Test
    void answersEachPlainSmsTurnInAtMostFourRoundTrips() {
        var she = "+33611000001";
        client.send(sms(she, "bonjour", true));
        client.send(sms(she, "1", true));
        long menu = cheapest(() -> sms(she, "menu", true), 200);
        long topic = cheapest(() -> sms(she, "porter plainte", true), 200);
        long unknown = cheapest(() -> sms(she, "zzkq wvvx", true), 200);
        long first = cheapest(() -> sms("+3361100" + (1000 + sids), "bonjour", true), 200);
        System.out.printf("round trips of a signed SMS: first %d, menu %d, topic %d, not understood %d%n", first,
                menu, topic, unknown);

        assertThat(java.util.List.of(first, menu, topic, unknown)).allSatisfy(trips ->
                assertThat(trips).isLessThanOrEqualTo(4L));
    }

    @Test
    void countsAForgedCallAgainstItsAddressInOneRoundTrip() {
        long forged = cheapest(() -> sms("+33611000002", "bonjour", false), 403);

        assertThat(forged).isEqualTo(1);
    }

    @Test
    void answersAWebChatMessageInAtMostFourRoundTrips() {
        var id = WebChatClient.json(client.post("/webchat/api/messages", "{\"text\":\"bonjour\"}",
                "application/json").body()).get("conversationId").asString();
        long menu = cheapest(() -> HttpRequest.newBuilder(URI.create(client.base() + "/webchat/api/messages"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"conversationId\":\"" + id + "\",\"text\":\"menu\"}"))
                .build(), 200);
        System.out.printf("round trips of a web chat message: %d%n", menu);

        assertThat(menu).isLessThanOrEqualTo(4);
    }
}
