package org.passerelle.connectors.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.passerelle.connectors.testkit.ConnectorHarness;
import org.passerelle.connectors.testkit.RecordingIntake;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake.Intake;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.channel.SendFailure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Twilio connector's contract: labelled incoming webhooks with the answer and the engine
 * input they must give, and labelled replies with the exact requests Twilio's API must receive.
 * Twilio's API is the harness's stand-in, which fails on any unexpected request; no line at INFO
 * or above may carry the auth token, a phone number or a message text.
 */
class TwilioContractTests {

    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "auth-token-not-for-logs-5f2b9c";
    static final String PUBLIC_BASE = "https://passerelle.example.org";
    static final String SENDER = "+33700000001";
    static final String PHONE = "+33612345678";
    static final String WHATSAPP = "whatsapp:+33698765432";
    static final String[] NEVER_LOGGED = {TOKEN, "612345678", "698765432", "700000001", "Bonjour", "besoin"};

    static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    static final ConnectorHarness harness = new ConnectorHarness();
    static ConfigurableApplicationContext app;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(TwilioWebhookApp.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("intake", harness.intake()))
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--passerelle.twilio.account-sid=" + SID, "--passerelle.twilio.auth-token=" + TOKEN,
                        "--passerelle.twilio.from=" + SENDER, "--passerelle.twilio.api-url=" + harness.apiUrl(),
                        "--passerelle.public-base-url=" + PUBLIC_BASE + "/");
        harness.captureLogs();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        harness.close();
    }

    record Incoming(String label, String path, Map<String, String> form, Signed signed,
            Consumer<RecordingIntake> given, int status, InboundMessage expected) {
    }

    enum Signed { YES, NO, FORGED, FOR_INTERNAL_HOST }

    static Incoming message(String label, Map<String, String> form, int status, InboundMessage expected) {
        return new Incoming(label, "/connectors/twilio/messages", form, Signed.YES, intake -> { }, status, expected);
    }

    static InboundMessage engineGets(Channel channel, String address, String text, String sid) {
        return new InboundMessage(channel, address, text, "tw:" + sid, TwilioWebhookApp.NOW);
    }

    static Map<String, String> sms(String from, String sid, String body) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", SID);
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("From", from);
        form.put("To", SENDER);
        form.put("Body", body);
        form.put("NumMedia", "0");
        return form;
    }

    static Map<String, String> with(Map<String, String> form, String field, String value) {
        var changed = new LinkedHashMap<>(form);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    static final String SM1 = "SM11111111111111111111111111111111";
    static final String UNICODE = "مرحبا 👋🏽 a\u200Bb \u202Eabc\u202C Привет";

    @TestFactory
    Stream<DynamicTest> incoming() {
        var valid = sms(PHONE, SM1, "Bonjour, j'ai besoin d'aide");
        var media = with(with(sms(PHONE, SM1, ""), "NumMedia", "1"), "MediaUrl0", "https://api.twilio.com/media/ME1");
        var status = Map.of("MessageSid", SM1, "MessageStatus", "delivered", "AccountSid", SID);
        var cases = List.of(
                message("valid SMS", valid, 200, engineGets(Channel.SMS, PHONE, "Bonjour, j'ai besoin d'aide", SM1)),
                message("WhatsApp keeps its prefix", sms(WHATSAPP, SM1, "Bonjour"), 200,
                        engineGets(Channel.WHATSAPP, WHATSAPP, "Bonjour", SM1)),
                new Incoming("duplicate MessageSid is still acknowledged", "/connectors/twilio/messages", valid,
                        Signed.YES, intake -> intake.alreadyTook("tw:" + SM1), 200,
                        engineGets(Channel.SMS, PHONE, "Bonjour, j'ai besoin d'aide", SM1)),
                new Incoming("forged signature", "/connectors/twilio/messages", valid, Signed.FORGED, i -> { }, 403, null),
                new Incoming("missing signature", "/connectors/twilio/messages", valid, Signed.NO, i -> { }, 403, null),
                new Incoming("signature over the internal host instead of the public URL",
                        "/connectors/twilio/messages", valid, Signed.FOR_INTERNAL_HOST, i -> { }, 403, null),
                new Incoming("signed with a query string", "/connectors/twilio/messages?tenant=paris", valid,
                        Signed.YES, i -> { }, 200, engineGets(Channel.SMS, PHONE, "Bonjour, j'ai besoin d'aide", SM1)),
                message("malformed: missing From", with(valid, "From", null), 400, null),
                message("malformed: missing MessageSid", with(valid, "MessageSid", null), 400, null),
                message("malformed: missing Body", with(valid, "Body", null), 400, null),
                message("media only is handed over as an empty text", media, 200, engineGets(Channel.SMS, PHONE, "", SM1)),
                message("emoji, RTL and zero-width text passes through exactly", sms(PHONE, SM1, UNICODE), 200,
                        engineGets(Channel.SMS, PHONE, UNICODE, SM1)),
                message("oversize body", sms(PHONE, SM1, "a".repeat(70_000)), 413, null),
                new Incoming("store down asks Twilio to deliver again", "/connectors/twilio/messages", valid, Signed.YES,
                        intake -> intake.mode(RecordingIntake.Mode.STORE_DOWN), 503,
                        engineGets(Channel.SMS, PHONE, "Bonjour, j'ai besoin d'aide", SM1)),
                new Incoming("journaled while the store is down: the TwiML carries the outage notice alone",
                        "/connectors/twilio/messages", valid, Signed.YES,
                        intake -> intake.mode(RecordingIntake.Mode.JOURNALED), 200,
                        engineGets(Channel.SMS, PHONE, "Bonjour, j'ai besoin d'aide", SM1)),
                new Incoming("flood is acknowledged and dropped", "/connectors/twilio/messages", valid, Signed.YES,
                        intake -> intake.mode(RecordingIntake.Mode.FLOOD), 200,
                        engineGets(Channel.SMS, PHONE, "Bonjour, j'ai besoin d'aide", SM1)),
                new Incoming("status callback recorded", "/connectors/twilio/status", status, Signed.YES, i -> { }, 204, null),
                new Incoming("status callback with an error code", "/connectors/twilio/status",
                        with(with(status, "MessageStatus", "undelivered"), "ErrorCode", "30003"), Signed.YES, i -> { }, 204, null),
                new Incoming("forged status callback", "/connectors/twilio/status", status, Signed.FORGED, i -> { }, 403, null));
        return cases.stream().map(c -> dynamicTest(c.label(), () -> runIncoming(c)));
    }

    void runIncoming(Incoming c) throws Exception {
        var intake = harness.intake();
        var observations = app.getBean(TwilioWebhookApp.RecordedObservations.class);
        harness.reset();
        observations.clear();
        c.given().accept(intake);

        var response = post(c.path(), c.form(), c.signed());

        assertThat(response.statusCode()).as("status").isEqualTo(c.status());
        assertThat(intake.received()).as("engine input").isEqualTo(c.expected() == null ? List.of() : List.of(c.expected()));
        if (c.status() == 200 && c.path().contains("/messages")) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
            assertThat(response.body()).isEqualTo(c.label().startsWith("journaled")
                    ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Indisponible &lt;quelques "
                            + "minutes&gt; &amp; en danger : 17, 112, SMS 114</Message></Response>"
                    : TwilioWebhookController.EMPTY_TWIML);
        }
        if (c.label().startsWith("duplicate")) {
            assertThat(intake.answers()).containsExactly(Intake.DUPLICATE);
        }
        if (c.status() == 403 || c.status() == 400) {
            assertThat(response.body()).as("reason").containsAnyOf("signature", "Signature", "missing field");
        }
        if (c.path().endsWith("/status") && c.status() == 204) {
            var error = c.form().getOrDefault("ErrorCode", "none");
            var state = c.form().get("MessageStatus");
            assertThat(observations.stopped()).containsExactly("passerelle.twilio.status error=" + error + " status=" + state);
            assertThat(harness.logs().linesAtInfoOrAbove()).anyMatch(line -> line.contains(SM1) && line.contains("status=" + state));
        }
        harness.verifyClean(NEVER_LOGGED);
        harness.logs().assertNeverLogged(UNICODE);
    }

    HttpResponse<String> post(String pathAndQuery, Map<String, String> form, Signed signed) throws Exception {
        var local = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        var request = HttpRequest.newBuilder(URI.create(local + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        switch (signed) {
            case YES -> request.header("X-Twilio-Signature", TwilioSignatures.sign(TOKEN, PUBLIC_BASE + pathAndQuery, form));
            case FORGED -> request.header("X-Twilio-Signature", TwilioSignatures.sign("another-token", PUBLIC_BASE + pathAndQuery, form));
            case FOR_INTERNAL_HOST -> request.header("X-Twilio-Signature", TwilioSignatures.sign(TOKEN, local + pathAndQuery, form));
            case NO -> { }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    record Outgoing(String label, Channel channel, OutboundMessage message, List<ResponseDefinitionBuilder> answers,
            List<Map<String, String>> expectedRequests, List<SendFailure> expectedResults) {
    }

    static final String CALLBACK = PUBLIC_BASE + "/connectors/twilio/status";

    static Outgoing sms(String label, Reply reply, List<ResponseDefinitionBuilder> answers, List<String> bodies,
            List<SendFailure> results) {
        var requests = bodies.stream().map(body -> Map.of("To", PHONE, "From", SENDER, "Body", body, "StatusCallback", CALLBACK)).toList();
        return new Outgoing(label, Channel.SMS, new OutboundMessage("m-" + label.hashCode(), Channel.SMS, PHONE, reply),
                answers, requests, results);
    }

    /** Expected results in order; null stands for sent. */
    static List<SendFailure> results(SendFailure... failures) {
        return Arrays.asList(failures);
    }

    static final List<SendFailure> SENT = results((SendFailure) null);

    /** Twilio took the message. */
    static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"sid": "SM00000000000000000000000000000001", "status": "queued", "num_segments": "1"}""");
    }

    /** Twilio refused the message with this HTTP status and error code. */
    static ResponseDefinitionBuilder error(int status, int code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"code": %d, "message": "refused", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, code, status));
    }

    /** The connection dropped before Twilio answered. */
    static ResponseDefinitionBuilder dropped() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    @TestFactory
    Stream<DynamicTest> outgoing() {
        var created = created();
        var menu = new Reply("Que voulez-vous savoir ?", List.of(
                new Option("complaint", "Porter plainte"),
                new Option("permit", "Titre de séjour"),
                new Option("human", "Parler à une médiatrice")));
        var paragraph = "Vous pouvez porter plainte. ".repeat(25).strip();
        var cyrillic = "Вы можете подать жалобу. ".repeat(16).strip();
        var whatsappText = "Bonjour 👋 " + "مرحبا ".repeat(300);
        var cases = new ArrayList<>(List.of(
                sms("plain text", Reply.text("Bonjour"), List.of(created), List.of("Bonjour"), SENT),
                sms("options become a numbered menu", menu, List.of(created),
                        List.of("Que voulez-vous savoir ?\n\n1 Porter plainte\n2 Titre de séjour\n3 Parler à une médiatrice"), SENT),
                sms("long GSM-7 text split at paragraphs within ten segments",
                        Reply.text(paragraph + "\n\n" + paragraph + "\n\n" + paragraph), List.of(created, created),
                        List.of(paragraph + "\n\n" + paragraph, paragraph), SENT),
                sms("long UCS-2 text split at paragraphs within ten segments",
                        Reply.text(cyrillic + "\n\n" + cyrillic), List.of(created, created),
                        List.of(cyrillic, cyrillic), SENT),
                sms("typographic quotes made plain to stay GSM-7", Reply.text("Vous avez droit à l’aide « maintenant »"),
                        List.of(created), List.of("Vous avez droit à l'aide \" maintenant \""), SENT),
                sms("a text that needs UCS-2 anyway keeps its typography", Reply.text("Vous êtes protégée « maintenant »"),
                        List.of(created), List.of("Vous êtes protégée « maintenant »"), SENT),
                sms("a part refused stops the rest", Reply.text(paragraph + "\n\n" + paragraph + "\n\n" + paragraph),
                        List.of(created, error(429, 20429)),
                        List.of(paragraph + "\n\n" + paragraph, paragraph), results(SendFailure.THROTTLED)),
                sms("recipient replied STOP", Reply.text("Bonjour"), List.of(error(400, 21610)),
                        List.of("Bonjour"), List.of(SendFailure.CONTACT_STOPPED)),
                sms("invalid number", Reply.text("Bonjour"), List.of(error(400, 21211)),
                        List.of("Bonjour"), List.of(SendFailure.REJECTED)),
                sms("throttled", Reply.text("Bonjour"), List.of(error(429, 20429)),
                        List.of("Bonjour"), List.of(SendFailure.THROTTLED)),
                sms("server error, then success on the next try", Reply.text("Bonjour"),
                        List.of(error(500, 20500), created), List.of("Bonjour", "Bonjour"),
                        results(SendFailure.CONNECTION_FAILED, null)),
                sms("connection dropped", Reply.text("Bonjour"), List.of(dropped()),
                        List.of("Bonjour"), List.of(SendFailure.CONNECTION_FAILED)),
                sms("empty reply is never sent", Reply.text("  "), List.of(), List.of(), List.of(SendFailure.REJECTED))));
        cases.add(new Outgoing("WhatsApp keeps its prefix and splits only at 1600 characters", Channel.WHATSAPP,
                new OutboundMessage("m-wa", Channel.WHATSAPP, WHATSAPP, Reply.text(whatsappText)), List.of(created, created),
                TwilioText.split(whatsappText.strip(), body -> body.length() <= 1600).stream()
                        .map(body -> Map.of("To", WHATSAPP, "From", "whatsapp:" + SENDER, "Body", body, "StatusCallback", CALLBACK))
                        .toList(),
                SENT));
        return cases.stream().map(c -> dynamicTest(c.label(), () -> runOutgoing(c)));
    }

    void runOutgoing(Outgoing c) {
        harness.reset();
        harness.answerInOrder(RequestMethod.POST, urlEqualTo(MESSAGES), c.answers());
        var sender = app.getBean(c.channel() == Channel.SMS ? "twilioSmsSender" : "twilioWhatsAppSender", TwilioSender.class);

        var results = c.expectedResults().stream().map(expected -> sender.send(c.message()).failure().orElse(null)).toList();

        assertThat(results).as("results").isEqualTo(c.expectedResults());
        var requests = harness.requests(RequestMethod.POST, urlEqualTo(MESSAGES));
        assertThat(requests.stream().map(ConnectorHarness::form).toList()).as("requests").isEqualTo(c.expectedRequests());
        var basic = "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo(basic));
        if (c.channel() == Channel.SMS) {
            assertThat(requests).allSatisfy(r -> assertThat(TwilioText.fitsSms(ConnectorHarness.form(r).get("Body"))).isTrue());
        }
        harness.verifyClean(NEVER_LOGGED);
    }
}
