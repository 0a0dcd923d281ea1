package org.passerelle.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * A real Redis server for tests: the embedded binary, started once per test JVM on a free
 * loopback port and stopped when the JVM ends. Each caller gets its own key prefix.
 */
public final class TestRedis {

    private static RedisServer server;
    private static int port;

    private TestRedis() {
    }

    /** The port of the running server, started on first use. */
    public static synchronized int port() {
        if (server == null) {
            port = freePort();
            try {
                server = RedisServer.newRedisServer()
                        .bind("127.0.0.1")
                        .port(port)
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded Redis did not start", e);
            }
            var running = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(running)));
        }
        return port;
    }

    /** A store on the test server whose keys start with a prefix of their own. */
    public static RedisStore newStore() {
        return new RedisStore(new JedisPooled("127.0.0.1", port()), "test-" + UUID.randomUUID() + ":");
    }

    /** A free loopback port. */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopQuietly(RedisServer running) {
        try {
            running.stop();
        } catch (IOException | RuntimeException ignored) {
            // The JVM is ending; nothing left to do with a server that will not stop.
        }
    }
}
