package org.passerelle.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback TCP relay in front of a Redis server that counts round trips: on each connection,
 * every time the client starts writing again after the server has answered is one round trip. A
 * pipeline, a transaction sent at once or a script is therefore one, and each command that waits
 * for its answer before the next is one more; the count does not depend on timing. Point a client
 * at {@link #port()} instead of the server's port.
 */
public final class RoundTripProxy implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final LongAdder roundTrips = new LongAdder();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private RoundTripProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** Starts a relay to the Redis server at this host and port. */
    public static RoundTripProxy start(String upstreamHost, int upstreamPort) {
        try {
            var proxy = new RoundTripProxy(upstreamHost, upstreamPort);
            var acceptor = new Thread(proxy::accept, "round-trip-proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("the round-trip relay could not listen", e);
        }
    }

    /** The loopback port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The round trips counted since the start or the last {@link #reset()}, over all connections. */
    public long roundTrips() {
        return roundTrips.sum();
    }

    /** Starts counting again from zero. */
    public void reset() {
        roundTrips.reset();
    }

    private void accept() {
        while (!closed) {
            try {
                var client = listener.accept();
                var server = new Socket(upstreamHost, upstreamPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                // True once the server has answered: the client's next bytes start a round trip.
                var answered = new AtomicBoolean(true);
                pump(client, server, () -> {
                    if (answered.getAndSet(false)) {
                        roundTrips.increment();
                    }
                });
                pump(server, client, () -> answered.set(true));
            } catch (IOException e) {
                if (!closed) {
                    // A connection that fails to open upstream is the client's error to see.
                    continue;
                }
            }
        }
    }

    /** Copies one direction; {@code onBytes} runs before each chunk is passed on. */
    private void pump(Socket from, Socket to, Runnable onBytes) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        var thread = new Thread(() -> {
            var buffer = new byte[BUFFER];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    onBytes.run();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // One side closed: close both below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "round-trip-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        sockets.forEach(RoundTripProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
