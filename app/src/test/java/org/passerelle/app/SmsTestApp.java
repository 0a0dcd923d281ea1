package org.passerelle.app;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started on a Redis the test runs (given by its {@code passerelle.redis.*}
 * arguments), with Twilio's REST API stubbed by WireMock and signed SMS webhooks sent to it, as
 * Twilio would. Admin {@code admin} / {@link WebChatClient#ADMIN_PASSWORD}.
 */
final class SmsTestApp implements AutoCloseable {

    static final String SID = "AC00000000000000000000000000000000";
    private static final String AUTH = "twilio-auth-token-for-redis-mode-tests";
    private static final String PUBLIC = "https://passerelle.example.org";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String WEBHOOK = "/connectors/twilio/messages";

    private final WireMockServer twilio;
    private final ConfigurableApplicationContext app;
    private final WebChatClient client;
    private final AtomicInteger sids = new AtomicInteger();

    private SmsTestApp(WireMockServer twilio, ConfigurableApplicationContext app) {
        this.twilio = twilio;
        this.app = app;
        this.client = new WebChatClient(port());
    }

    /** Starts Twilio's stub, then the application with these Redis arguments and its data in {@code dataDir}. */
    static SmsTestApp start(Path dataDir, List<String> redisArguments) {
        var twilio = new WireMockServer(wireMockConfig().dynamicPort());
        twilio.start();
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(okJson(
                "{\"sid\":\"SM00000000000000000000000000000001\",\"status\":\"queued\"}").withStatus(201)));
        var arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--passerelle.data-dir=" + dataDir,
                "--passerelle.privacy.secret=a-long-random-secret-for-the-redis-mode-tests-0123456789",
                "--passerelle.privacy.keys.k1=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--passerelle.admin.bootstrap-username=admin",
                "--passerelle.admin.bootstrap-password=" + WebChatClient.ADMIN_PASSWORD,
                "--passerelle.twilio.account-sid=" + SID, "--passerelle.twilio.auth-token=" + AUTH,
                "--passerelle.twilio.from=+33700000000", "--passerelle.twilio.api-url=" + twilio.baseUrl(),
                "--passerelle.public-base-url=" + PUBLIC,
                "--passerelle.outbox.per-chat.sms=10ms", "--passerelle.journal.replay-interval=200ms"));
        arguments.addAll(redisArguments.stream().map(argument -> "--" + argument).toList());
        try {
            var app = new SpringApplicationBuilder(PasserelleApplication.class).run(arguments.toArray(String[]::new));
            return new SmsTestApp(twilio, app);
        } catch (RuntimeException e) {
            twilio.stop();
            throw e;
        }
    }

    int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    /** A client of the running application, for the web chat, health and the admin API. */
    WebChatClient client() {
        return client;
    }

    /** Posts a signed SMS webhook with a new message id and returns Twilio's view of the answer. */
    HttpResponse<String> sms(String from, String body) {
        var sid = "SM" + String.format("%032d", sids.incrementAndGet());
        var params = new TreeMap<String, String>(Map.of("From", from, "To", "+33700000000", "Body", body,
                "MessageSid", sid, "NumMedia", "0"));
        var form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + WEBHOOK))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.of(AUTH, PUBLIC + WEBHOOK, params))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Whether this webhook answer carries a message of its own (the outage notice) rather than none. */
    static boolean carriesANotice(HttpResponse<String> answer) {
        return answer.body().contains("<Message>");
    }

    /** The texts sent to this number through Twilio's REST API so far, in order. */
    List<String> sentTo(String phone) {
        var to = "To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        return twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .map(request -> request.getBodyAsString())
                .filter(body -> body.contains(to))
                .map(body -> URLDecoder.decode(body.replaceAll(".*Body=([^&]*).*", "$1"), StandardCharsets.UTF_8))
                .toList();
    }

    /** How many texts were sent through Twilio's REST API so far, to anyone. */
    int sentCount() {
        return twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size();
    }

    /** Waits until the condition holds. */
    static void await(Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            twilio.stop();
        }
    }
}
