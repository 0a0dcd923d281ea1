package org.passerelle.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * One WireMock server standing in for both Twilio's REST API and the Telegram Bot API: it
 * answers every send, keeps the updates the test queues for {@code getUpdates} until a request's
 * offset acknowledges them (as Telegram does), and notes each text sent, by address, in the
 * order the sends arrived.
 */
final class StandInApis implements AutoCloseable {

    static final String SID = "AC" + "0".repeat(31) + "2";
    static final String AUTH = "two-instances-auth-token";
    static final String TOKEN = "123456:two-instances-test-token";
    static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final Pattern OFFSET = Pattern.compile("\"offset\"\\s*:\\s*(\\d+)");

    private final ConcurrentSkipListMap<Integer, String> queued = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(5_000);
    private final AtomicInteger sid = new AtomicInteger();
    private final Map<String, List<String>> sent = new ConcurrentHashMap<>();
    private final WireMockServer server;

    StandInApis() {
        server = new WireMockServer(options().dynamicPort().containerThreads(64).extensions(new Updates()));
        server.start();
        server.stubFor(post(urlEqualTo(MESSAGES)).willReturn(okJson(
                "{\"sid\":\"SM00000000000000000000000000000001\",\"status\":\"queued\"}").withStatus(201)));
        server.stubFor(any(method("sendMessage")).willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":99,"
                + "\"date\":1772446531,\"chat\":{\"id\":1,\"type\":\"private\"}}}")));
        server.stubFor(any(method("deleteWebhook")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        server.stubFor(any(method("answerCallbackQuery")).willReturn(okJson("{\"ok\":true,\"result\":true}")));
        server.stubFor(any(method("getUpdates")).willReturn(aResponse().withTransformers(Updates.NAME)));
        server.addMockServiceRequestListener((request, response) -> note(request));
    }

    /** The library spells some method paths in camel case and others in lower case. */
    static com.github.tomakehurst.wiremock.matching.UrlPattern method(String name) {
        return urlMatching("(?i)" + Pattern.quote("/bot" + TOKEN + "/" + name));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    WireMockServer server() {
        return server;
    }

    /** Queues a text from a private chat for the next {@code getUpdates}; returns its update id. */
    int telegram(long chat, String text) {
        int id = nextUpdateId.getAndIncrement();
        queued.put(id, "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1772446530,"
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\",\"first_name\":\"A\"},"
                + "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"A\",\"language_code\":\"fr\"},"
                + "\"text\":" + quoted(text) + "}}");
        return id;
    }

    /** The updates queued and not yet acknowledged by a request for updates. */
    int unacknowledged() {
        return queued.size();
    }

    /** The texts sent to this address so far, in order. */
    List<String> sentTo(String address) {
        var texts = sent.get(address);
        if (texts == null) {
            return List.of();
        }
        synchronized (texts) {
            return List.copyOf(texts);
        }
    }

    /** How many sends arrived in all. */
    int sends() {
        return sent.values().stream().mapToInt(texts -> {
            synchronized (texts) {
                return texts.size();
            }
        }).sum();
    }

    /** Waits until no send came for this address for a while: her answers to a message are all out. */
    void awaitSettled(String address) throws InterruptedException {
        awaitStill(() -> sentTo(address).size(), Duration.ofMillis(1500));
    }

    /** Waits until no send at all came for a while: nothing doubled is left to arrive late. */
    void awaitQuiet() throws InterruptedException {
        awaitStill(this::sends, Duration.ofSeconds(3));
    }

    private static void awaitStill(IntSupplier count, Duration still) throws InterruptedException {
        int seen = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < still.toNanos()) {
            int now = count.getAsInt();
            if (now != seen) {
                seen = now;
                stableSince = System.nanoTime();
            }
            Thread.sleep(50);
        }
    }

    private void note(Request request) {
        var url = request.getUrl();
        if (url.equals(MESSAGES)) {
            var form = form(request.getBodyAsString());
            add(form.get("To"), form.get("Body"));
        } else if (url.toLowerCase().endsWith("/sendmessage")) {
            var json = WebChatClient.json(request.getBodyAsString());
            add(json.get("chat_id").asString(), json.get("text").asString());
        }
    }

    private void add(String address, String text) {
        sent.computeIfAbsent(address, any -> new ArrayList<>());
        var texts = sent.get(address);
        synchronized (texts) {
            texts.add(text);
        }
    }

    String nextSid() {
        return "SM" + String.format("%032d", sid.incrementAndGet());
    }

    private static Map<String, String> form(String body) {
        var fields = new java.util.HashMap<String, String>();
        for (var pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Answers {@code getUpdates} as Telegram does: what is past the offset, and forgets what is before it. */
    private final class Updates implements ResponseDefinitionTransformerV2 {

        static final String NAME = "telegram-updates";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var matcher = OFFSET.matcher(event.getRequest().getBodyAsString());
            if (matcher.find()) {
                queued.headMap(Integer.parseInt(matcher.group(1))).clear();
            }
            var batch = queued.values().stream().limit(100).toList();
            var answer = aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":true,\"result\":[" + String.join(",", batch) + "]}");
            // A long poll with nothing new waits a little, as Telegram's would.
            return (batch.isEmpty() ? answer.withFixedDelay(200) : answer).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
