package org.passerelle.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

class RedisStoreIntegrationTests {

    @Test
    void prefixesEveryKeyAndTalksToARealServer() {
        try (var store = TestRedis.newStore()) {
            var key = store.key("conv", "abc");
            assertThat(key).startsWith(store.prefix()).endsWith("conv:abc");
            store.call(jedis -> jedis.set(key, "v"));
            assertThat(store.<String>call(jedis -> jedis.get(key))).isEqualTo("v");
            assertThat(store.ping()).isTrue();
        }
    }

    @Test
    void readsManyHashesInOneRoundTripInTheirOrder() {
        try (var store = TestRedis.newStore()) {
            store.call(jedis -> jedis.hset(store.key("h", "1"), java.util.Map.of("a", "1")));
            store.call(jedis -> jedis.hset(store.key("h", "3"), java.util.Map.of("c", "3", "d", "4")));

            var hashes = store.hashes(java.util.List.of(store.key("h", "3"), store.key("h", "2"), store.key("h", "1")));

            assertThat(hashes).containsExactly(java.util.Map.of("c", "3", "d", "4"), java.util.Map.of(),
                    java.util.Map.of("a", "1"));
            assertThat(store.hashes(java.util.List.of())).isEmpty();
        }
    }

    @Test
    void turnsAnUnreachableServerIntoStoreUnavailable() {
        try (var store = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.freePort()), "x:")) {
            assertThat(store.ping()).isFalse();
            assertThatThrownBy(() -> store.call(jedis -> jedis.get("k")))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("Redis failed");
        }
    }
}
