package org.passerelle.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The web chat's event stream of one conversation, as her page holds it open: the texts of the
 * {@code reply} events, read in the background, for application tests.
 */
final class WebChatEvents implements AutoCloseable {

    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;

    private WebChatEvents(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "webchat-events-test");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream of her conversation; fails the test unless it answers 200. */
    static WebChatEvents open(WebChatClient client, String webChatConversationId) {
        var request = HttpRequest.newBuilder(URI.create(client.base() + "/webchat/api/conversations/"
                        + webChatConversationId + "/events"))
                .header("Accept", "text/event-stream").GET().build();
        try {
            var response = client.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("event stream answered " + response.statusCode());
            }
            return new WebChatEvents(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            String name = null;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:") && "reply".equals(name)) {
                    texts.add(WebChatClient.json(line.substring(5).strip()).get("text").asString());
                } else if (line.isEmpty()) {
                    name = null;
                }
            }
        } catch (IOException closed) {
            // The test closed the stream.
        }
    }

    /**
     * Waits for a reply whose text contains the words, and returns every text seen until then.
     * Fails the test when none comes in time.
     */
    List<String> awaitContaining(String words, Duration timeout) throws InterruptedException {
        var seen = new ArrayList<String>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var text = texts.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (text == null) {
                break;
            }
            seen.add(text);
            if (text.contains(words)) {
                return seen;
            }
        }
        throw new AssertionError("no reply containing '" + words + "' within " + timeout + "; seen " + seen);
    }

    /** The replies that arrived within this time, without waiting for any in particular. */
    List<String> drain(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        var seen = new ArrayList<String>();
        texts.drainTo(seen);
        return seen;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // Already closed by the server.
        }
        reader.interrupt();
    }
}
