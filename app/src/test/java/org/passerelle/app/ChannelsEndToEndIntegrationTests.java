package org.passerelle.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A person writes by Telegram and by SMS: the webhook takes her message, the engine answers, and
 * the outbox sends the replies to the Bot API and to Twilio's REST API, here WireMock stubs.
 */
class ChannelsEndToEndIntegrationTests {

    private static final String TOKEN = "123456:TEST-token";
    private static final String SECRET = "hook-secret_1";
    private static final String SID = "AC00000000000000000000000000000000";
    private static final String AUTH = "twilio-auth-token-for-tests";
    private static final String PUBLIC = "https://passerelle.example.org";

    private static WireMockServer api;
    private static ConfigurableApplicationContext app;
    private static WebChatClient client;

    @BeforeAll
    static void start() throws Exception {
        api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
        api.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendmessage")).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"message_id\":99,\"date\":1772446531,"
                        + "\"chat\":{\"id\":4242,\"type\":\"private\"},\"text\":\"x\"}}")));
        api.stubFor(post(urlPathMatching("(?i)/bot.*/setwebhook")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        api.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json")).willReturn(okJson(
                "{\"sid\":\"SM00000000000000000000000000000001\",\"status\":\"queued\"}").withStatus(201)));
        Path dataDir = Files.createTempDirectory("passerelle-channels-test");
        app = new SpringApplicationBuilder(PasserelleApplication.class).run("--server.port=0",
                "--passerelle.data-dir=" + dataDir,
                "--passerelle.telegram.token=" + TOKEN, "--passerelle.telegram.api-url=" + api.baseUrl(),
                "--passerelle.telegram.mode=webhook", "--passerelle.telegram.webhook-secret=" + SECRET,
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

    private static void waitFor(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (api.findAll(postRequestedFor(urlEqualTo(path))).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void answersATelegramMessageThroughTheBotApiOnce() throws Exception {
        var update = "{\"update_id\":1001,\"message\":{\"message_id\":7,\"date\":1772446530,"
                + "\"chat\":{\"id\":4242,\"type\":\"private\",\"first_name\":\"A\"},"
                + "\"from\":{\"id\":4242,\"is_bot\":false,\"first_name\":\"A\"},\"text\":\"/start\"}}";
        var request = HttpRequest.newBuilder(URI.create(client.base() + "/connectors/telegram/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build();
        assertThat(client.send(request).statusCode()).isEqualTo(200);
        // Telegram delivers the same update again: it is not answered twice.
        assertThat(client.send(request).statusCode()).isEqualTo(200);

        var path = "/bot" + TOKEN + "/sendmessage";
        waitFor(path, 2);
        Thread.sleep(1500);
        var sent = api.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getBodyAsString()).contains("4242", "17", "112", "114");
        assertThat(sent.get(1).getBodyAsString()).contains("inline_keyboard", "lang:fr");

        var forged = HttpRequest.newBuilder(URI.create(client.base() + "/connectors/telegram/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "wrong")
                .POST(HttpRequest.BodyPublishers.ofString(update.replace("1001", "1002"))).build();
        assertThat(client.send(forged).statusCode()).isEqualTo(403);
    }

    @Test
    void tellsTelegramWhereToSendTheUpdatesAtStart() {
        var registered = api.findAll(postRequestedFor(urlPathMatching("(?i)/bot.*/setwebhook")));
        assertThat(registered).singleElement().satisfies(request -> assertThat(request.getBodyAsString())
                .contains(PUBLIC + "/connectors/telegram/webhook", SECRET, "callback_query"));
    }

    @Test
    void answersAnSmsThroughTwiliosRestApi() throws Exception {
        var params = new TreeMap<String, String>(Map.of("From", "+33611223344", "To", "+33700000000",
                "Body", "bonjour", "MessageSid", "SM11111111111111111111111111111111", "NumMedia", "0"));
        var path = "/connectors/twilio/messages";
        var form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature(PUBLIC + path, params))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        var answer = client.send(request);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<Response");

        var messages = "/2010-04-01/Accounts/" + SID + "/Messages.json";
        waitFor(messages, 2);
        var sent = api.findAll(postRequestedFor(urlEqualTo(messages)));
        assertThat(sent).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sent.get(0).getBodyAsString()).contains("To=%2B33611223344");
        // The main menu leaves as a numbered list.
        assertThat(sent.get(sent.size() - 1).getBodyAsString()).contains("1+");
        api.verify(postRequestedFor(urlEqualTo(messages)).withHeader("Authorization",
                equalTo("Basic " + Base64.getEncoder().encodeToString((SID + ":" + AUTH)
                        .getBytes(StandardCharsets.UTF_8)))));
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
