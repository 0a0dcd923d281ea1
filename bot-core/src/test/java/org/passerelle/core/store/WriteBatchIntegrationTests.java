package org.passerelle.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Writes of several parts sent as one transaction, and scripts run by their digest. */
class WriteBatchIntegrationTests {

    private static final RedisScript APPEND = new RedisScript("""
            return redis.call('append', KEYS[1], ARGV[1])
            """);

    private final RoundTripProxy proxy = RoundTripProxy.start("127.0.0.1", TestRedis.port());
    private final RedisStore store = new RedisStore(new JedisPooled("127.0.0.1", proxy.port()),
            "test-" + UUID.randomUUID() + ":");

    @AfterEach
    void close() {
        store.close();
        proxy.close();
    }

    @Test
    void writesCommandsAndAKnownScriptInOneRoundTrip() {
        APPEND.run(store, List.of(store.key("warm")), List.of("x"));
        var batch = new WriteBatch()
                .add(tx -> tx.set(store.key("a"), "1"))
                .script(APPEND, List.of(store.key("b")), List.of("2"))
                .add(tx -> tx.hset(store.key("c"), "f", "3"));
        proxy.reset();

        batch.run(store);

        assertThat(proxy.roundTrips()).isEqualTo(1);
        assertThat(store.<String>call(jedis -> jedis.get(store.key("a")))).isEqualTo("1");
        assertThat(store.<String>call(jedis -> jedis.get(store.key("b")))).isEqualTo("2");
        assertThat(store.<String>call(jedis -> jedis.hget(store.key("c"), "f"))).isEqualTo("3");
    }

    @Test
    void runsAScriptTheServerForgotByItsTextOnce() {
        store.call(jedis -> jedis.scriptFlush());
        proxy.reset();

        assertThat(APPEND.run(store, List.of(store.key("d")), List.of("ab"))).isEqualTo(2L);
        assertThat(proxy.roundTrips()).as("refused by digest, then run by text").isEqualTo(2);
        proxy.reset();
        assertThat(APPEND.run(store, List.of(store.key("d")), List.of("c"))).isEqualTo(3L);
        assertThat(proxy.roundTrips()).as("known since").isEqualTo(1);

        store.call(jedis -> jedis.scriptFlush());
        new WriteBatch().script(APPEND, List.of(store.key("e")), List.of("z")).run(store);
        assertThat(store.<String>call(jedis -> jedis.get(store.key("e")))).isEqualTo("z");
    }

    @Test
    void throwsTheErrorOfAScriptThatFails() {
        var failing = new RedisScript("return redis.error_reply('refused')");
        var batch = new WriteBatch().add(tx -> tx.set(store.key("f"), "1"))
                .script(failing, List.of(store.key("f")), List.of());

        assertThatThrownBy(() -> batch.run(store)).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.<String>call(jedis -> jedis.get(store.key("f")))).as("the others are written").isEqualTo("1");
    }
}
