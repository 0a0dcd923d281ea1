package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.store.RedisScript;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.RedisShardedCluster;

/**
 * The cluster client on three embedded masters: transactions, scripts and pipelines over
 * several keys of the prefix's slot, and transactions that find the slot again after it moved.
 */
class RedisClusterClientIntegrationTests {

    @TempDir
    static Path dir;

    private static RedisNodes nodes;
    private static RedisShardedCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        nodes = new RedisNodes(dir);
        try {
            cluster = nodes.cluster(3);
        } catch (Exception | Error e) {
            nodes.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        nodes.close();
    }

    private static RedisClusterClient client(String prefix) {
        var seed = new HostAndPort("127.0.0.1", cluster.serverPorts().get(0));
        var config = DefaultJedisClientConfig.builder().socketTimeoutMillis(2000).build();
        return new RedisClusterClient(Set.of(seed), config, new GenericObjectPoolConfig<>(), prefix);
    }

    private static RedisStore store(String prefix) {
        return client(prefix).store(prefix);
    }

    private static String prefix() {
        return "{t-" + UUID.randomUUID() + "}:";
    }

    @Test
    void runsATransactionOverSeveralKeysOfTheSlot() {
        try (var store = store(prefix())) {
            var results = store.call(jedis -> {
                try (var tx = jedis.multi()) {
                    tx.hset(store.key("conv", "a"), "step", "MENU");
                    tx.xadd(store.key("outbox"), StreamEntryID.NEW_ENTRY,
                            Map.of("conv", "a"));
                    tx.incr(store.key("stats", "turns"));
                    return tx.exec();
                }
            });
            assertThat(results).hasSize(3).last().isEqualTo(1L);
            assertThat(store.<String>call(jedis -> jedis.hget(store.key("conv", "a"), "step"))).isEqualTo("MENU");
            assertThat(store.<Long>call(jedis -> jedis.xlen(store.key("outbox")))).isEqualTo(1L);
        }
    }

    @Test
    void runsScriptsAndPipelinesOverSeveralKeysOfTheSlot() {
        try (var store = store(prefix())) {
            var keys = List.of(store.key("slot", "s1"), store.key("booking", "b1"));
            var script = "redis.call('incr', KEYS[1]); redis.call('set', KEYS[2], ARGV[1]); "
                    + "return redis.call('get', KEYS[1])";
            assertThat(store.<Object>call(jedis -> jedis.eval(script, keys, List.of("x")))).isEqualTo("1");
            var read = store.call(jedis -> {
                try (var pipeline = jedis.pipelined()) {
                    var count = pipeline.get(keys.get(0));
                    var booking = pipeline.get(keys.get(1));
                    pipeline.sync();
                    return List.of(count.get(), booking.get());
                }
            });
            assertThat(read).containsExactly("1", "x");
        }
    }

    @Test
    void writesABatchOfCommandsAndScriptsInOneTransactionOnTheSlotsNode() {
        try (var store = store(prefix())) {
            var lock = store.key("lock", "conv", "b");
            store.call(jedis -> jedis.set(lock, "token"));
            var release = new RedisScript(
                    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0");

            new WriteBatch()
                    .add(pipeline -> pipeline.hset(store.key("conv", "b"), "s", "sealed"))
                    .add(pipeline -> pipeline.incr(store.key("stats", "turns")))
                    .script(release, List.of(lock), List.of("token"))
                    .run(store);

            assertThat(store.<String>call(jedis -> jedis.hget(store.key("conv", "b"), "s"))).isEqualTo("sealed");
            assertThat(store.<String>call(jedis -> jedis.get(store.key("stats", "turns")))).isEqualTo("1");
            assertThat(store.<Boolean>call(jedis -> jedis.exists(lock))).isFalse();
        }
    }

    @Test
    void findsTheSlotAgainAfterItMovedToAnotherNode() {
        var prefix = prefix();
        var client = client(prefix);
        try (var store = client.store(prefix)) {
            var key = store.key("conv", "moved");
            assertThat(exists(store, key)).isFalse();
            moveSlot(client.slot());

            // The first one may still go to the old node; the next one must reach the new one.
            try {
                exists(store, key);
            } catch (RuntimeException first) {
                assertThat(first).hasCauseInstanceOf(JedisException.class);
            }
            assertThat(exists(store, key)).isFalse();
            store.call(jedis -> jedis.set(key, "here"));
            assertThat(store.<String>call(jedis -> jedis.get(key))).isEqualTo("here");
        }
    }

    private static boolean exists(RedisStore store, String key) {
        var results = store.call(jedis -> {
            try (var tx = jedis.multi()) {
                tx.exists(key);
                return tx.exec();
            }
        });
        return (Boolean) results.get(0);
    }

    /** Gives this empty slot to another master, on every node, as a resharding would. */
    private static void moveSlot(int slot) {
        String owner = null;
        String target = null;
        for (int port : cluster.serverPorts()) {
            try (var node = new Jedis("127.0.0.1", port)) {
                var id = node.clusterMyId();
                if (servesSlot(node, slot)) {
                    owner = id;
                } else if (target == null) {
                    target = id;
                }
            }
        }
        assertThat(owner).isNotNull();
        for (int port : cluster.serverPorts()) {
            try (var node = new Jedis("127.0.0.1", port)) {
                node.clusterSetSlotNode(slot, target);
            }
        }
        SmsTestApp.sleep(Duration.ofMillis(200));
    }

    private static boolean servesSlot(Jedis node, int slot) {
        var myself = node.clusterNodes().lines().filter(line -> line.contains("myself")).findFirst().orElseThrow();
        for (var part : myself.split(" ")) {
            var range = part.split("-");
            if (range.length == 2 && range[0].matches("\\d+") && range[1].matches("\\d+")
                    && Integer.parseInt(range[0]) <= slot && slot <= Integer.parseInt(range[1])) {
                return true;
            }
        }
        return false;
    }
}
