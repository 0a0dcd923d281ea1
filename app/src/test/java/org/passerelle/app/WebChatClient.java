package org.passerelle.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A person using the web chat API over real HTTP, for application tests. */
final class WebChatClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String conversationId;
    private JsonNode last;

    WebChatClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Sends a message and returns the JSON answer; fails the test on a non-200 status. */
    JsonNode say(String text) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("conversationId", conversationId);
        body.put("text", text);
        var response = post("/webchat/api/messages", JSON.writeValueAsString(body), "application/json");
        if (response.statusCode() != 200) {
            throw new AssertionError("status " + response.statusCode() + ": " + response.body());
        }
        last = JSON.readTree(response.body());
        conversationId = last.get("conversationId").asString();
        return last;
    }

    String conversationId() {
        return conversationId;
    }

    void resume(String id) {
        this.conversationId = id;
    }

    /** The text of the last reply of the last answer. */
    String lastText() {
        var replies = last.get("replies");
        return replies.get(replies.size() - 1).get("text").asString();
    }

    /** The option keys of the last reply of the last answer. */
    List<String> optionKeys() {
        var replies = last.get("replies");
        var options = replies.get(replies.size() - 1).get("options");
        return options.valueStream().map(o -> o.get("key").asString()).toList();
    }

    /** The option labels of the last reply of the last answer. */
    List<String> optionLabels() {
        var replies = last.get("replies");
        var options = replies.get(replies.size() - 1).get("options");
        return options.valueStream().map(o -> o.get("label").asString()).toList();
    }

    /** The password of the admin account that the application tests create. */
    static final String ADMIN_PASSWORD = "a-long-test-password";

    /** A JSON request, signed in as "admin" with this password when one is given. */
    HttpResponse<String> call(String method, String path, String json, String password) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (password != null) {
            builder.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return send(builder.build());
    }

    /** A JSON request as the tests' admin. */
    HttpResponse<String> admin(String method, String path, String json) {
        return call(method, path, json, ADMIN_PASSWORD);
    }

    HttpResponse<String> post(String path, String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    String base() {
        return base;
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    static Map<String, Object> map(String body) {
        return JSON.readValue(body, Map.class);
    }
}
