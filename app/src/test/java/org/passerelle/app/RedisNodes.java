package org.passerelle.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.embedded.Redis;
import redis.embedded.RedisSentinel;
import redis.embedded.RedisServer;
import redis.embedded.RedisShardedCluster;

/**
 * Real Redis processes for the tests of the Sentinel and cluster modes, run from the binary of
 * the embedded-redis artifact on free loopback ports, with their files in a test directory.
 * Everything started here is stopped by {@link #close()}, newest first.
 */
final class RedisNodes implements AutoCloseable {

    private final Path dir;
    private final List<Redis> started = Collections.synchronizedList(new ArrayList<>());

    RedisNodes(Path dir) {
        this.dir = dir;
    }

    /** A master, or with {@code masterPort} a replica of the master on that port. */
    RedisServer server(Integer masterPort) throws IOException {
        int port = freePort();
        var files = Files.createDirectories(dir.resolve("server-" + port));
        var builder = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("dir \"" + files + "\"").setting("save \"\"").setting("appendonly no");
        if (masterPort != null) {
            builder.slaveOf("127.0.0.1", masterPort);
        }
        return started(builder.build());
    }

    /** A Sentinel watching the master on {@code masterPort} under {@code name}, quick to fail over. */
    RedisSentinel sentinel(String name, int masterPort) throws IOException {
        var sentinel = RedisSentinel.newRedisSentinel().bind("127.0.0.1").port(freePort())
                .masterName(name).masterPort(masterPort).quorumSize(2)
                .downAfterMilliseconds(2000).failOverTimeout(4000).parallelSyncs(1).build();
        return started(sentinel);
    }

    /** A cluster of {@code masters} masters without replicas, every slot served, ready to use. */
    RedisShardedCluster cluster(int masters) throws IOException {
        var files = Files.createDirectories(dir.resolve("cluster"));
        var ports = new ArrayList<Integer>();
        while (ports.size() < masters) {
            ports.add(clusterPort());
        }
        var builder = RedisShardedCluster.newRedisCluster()
                .withServerBuilder(RedisServer.newRedisServer().setting("dir \"" + files + "\"")
                        .setting("save \"\"").setting("appendonly no"))
                .serverPorts(ports);
        for (int i = 0; i < masters; i++) {
            builder.shard("shard-" + i, 0);
        }
        var cluster = builder.build();
        // Stopped with the others even when it does not come up whole.
        started.add(cluster);
        cluster.start();
        // Every slot is assigned by now, but a node answers CLUSTERDOWN until it has heard from
        // the others that the cluster is whole, a moment later on a busy machine.
        for (int port : ports) {
            awaitClusterOk(port);
        }
        return cluster;
    }

    private static void awaitClusterOk(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (var jedis = new Jedis("127.0.0.1", port)) {
            while (!jedis.clusterInfo().contains("cluster_state:ok")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the cluster node on port " + port + " is not ready after 30 s");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the cluster came up", e);
        }
    }

    private <T extends Redis> T started(T redis) throws IOException {
        started.add(redis);
        redis.start();
        return redis;
    }

    /** Kills a server's process at once (SIGKILL), as a crash would: no shutdown, nothing flushed. */
    static void crash(RedisServer server) {
        long pid;
        try (var jedis = new Jedis("127.0.0.1", server.ports().get(0))) {
            pid = Long.parseLong(jedis.info("server").lines().filter(line -> line.startsWith("process_id:"))
                    .findFirst().orElseThrow().substring("process_id:".length()).strip());
        }
        var process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Stops one process, if it still runs. */
    static void stop(Redis redis) {
        try {
            redis.stop();
        } catch (IOException | RuntimeException ignored) {
            // Stopping it is all that is wanted; a second stop in close() is harmless.
        }
    }

    @Override
    public void close() {
        var all = new ArrayList<>(started);
        Collections.reverse(all);
        all.forEach(RedisNodes::stop);
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port whose cluster bus port (10000 above) is free too. */
    private static int clusterPort() {
        while (true) {
            int port = freePort();
            if (port + 10000 <= 65535 && free(port + 10000)) {
                return port;
            }
        }
    }

    private static boolean free(int port) {
        try (var socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
