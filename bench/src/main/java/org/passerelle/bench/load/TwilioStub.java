package org.passerelle.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Twilio's Messages API as the application sees it: every POST to
 * {@code /2010-04-01/Accounts/<sid>/Messages.json} is answered 201 with a message SID of its own,
 * as Twilio answers a queued message; anything else gets 404. Sending is thus real HTTP but
 * reaches no one.
 */
final class TwilioStub implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong sent = new AtomicLong();

    private TwilioStub(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static TwilioStub start(String accountSid) {
        // The JDK's server writes the head and the body of an answer apart: with Nagle's
        // algorithm on, the body may wait for the client's delayed acknowledgement.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            var executor = Executors.newFixedThreadPool(8, runnable -> {
                var thread = new Thread(runnable, "twilio-stub");
                thread.setDaemon(true);
                return thread;
            });
            var stub = new TwilioStub(server, executor);
            var messages = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
            server.createContext("/", exchange -> stub.answer(exchange, messages));
            server.setExecutor(executor);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("the Twilio stand-in could not listen", e);
        }
    }

    private void answer(HttpExchange exchange, String messages) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals(messages)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            var sid = String.format("SM%032x", sent.incrementAndGet());
            var body = ("{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"num_segments\":\"1\",\"direction\":"
                    + "\"outbound-api\",\"api_version\":\"2010-04-01\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The base URL to give the application as {@code passerelle.twilio.api-url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The messages the application sent so far. */
    long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
