package org.passerelle.connectors.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.connectors.testkit.RecordingIntake;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The benchmarks' no-op webhook: absent unless asked for, then checking signatures like the real one. */
class NoopWebhookTests {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "auth-token-of-the-noop-test-7c1d";
    private static final String PUBLIC_BASE = "https://passerelle.example.org";
    private static final String NOOP = "/connectors/twilio/noop";
    private static final Map<String, String> FORM = Map.of("From", "+33612345678", "To", "+33700000001",
            "MessageSid", "SM22222222222222222222222222222222", "Body", "Bonjour, j'ai besoin d'aide", "NumMedia", "0");

    private final HttpClient http = HttpClient.newHttpClient();
    private final RecordingIntake intake = new RecordingIntake();
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void start(String... more) {
        var args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--passerelle.twilio.account-sid=" + SID, "--passerelle.twilio.auth-token=" + TOKEN,
                "--passerelle.twilio.from=+33700000001", "--passerelle.public-base-url=" + PUBLIC_BASE));
        args.addAll(List.of(more));
        app = new SpringApplicationBuilder(TwilioWebhookApp.class, NoopWebhookController.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("intake", intake))
                .run(args.toArray(String[]::new));
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String signature) throws Exception {
        var port = ((WebServerApplicationContext) app).getWebServer().getPort();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioContractTests.encode(form)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String signed(String token, Map<String, String> form) {
        return TwilioSignatures.sign(token, PUBLIC_BASE + NOOP, form);
    }

    @Test
    void isNotFoundUnlessTheSettingAsksForIt() throws Exception {
        start();

        assertThat(post(NOOP, FORM, signed(TOKEN, FORM)).statusCode()).isEqualTo(404);
    }

    @Test
    void answersEmptyTwimlToAWellSignedMessageAndHandsNothingToTheEngine() throws Exception {
        start("--passerelle.bench.noop-webhook=true");

        var response = post(NOOP, FORM, signed(TOKEN, FORM));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TwilioWebhookController.EMPTY_TWIML);
        assertThat(intake.received()).isEmpty();
    }

    @Test
    void refusesAForgedOrMissingSignatureLikeTheMessageWebhook() throws Exception {
        start("--passerelle.bench.noop-webhook=true");

        assertThat(post(NOOP, FORM, signed("another-token", FORM)).statusCode()).isEqualTo(403);
        assertThat(post(NOOP, FORM, null).statusCode()).isEqualTo(403);
        assertThat(post("/connectors/twilio/messages", FORM, signed("another-token", FORM)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void refusesAWellSignedFormWithoutItsFields() throws Exception {
        start("--passerelle.bench.noop-webhook=true");
        var partial = Map.of("From", "+33612345678", "Body", "bonjour");

        var response = post(NOOP, partial, signed(TOKEN, partial));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("missing field MessageSid");
    }
}
