package org.passerelle.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

class RoundTripProxyTests {

    private RoundTripProxy proxy;
    private JedisPooled jedis;

    @BeforeEach
    void start() {
        proxy = RoundTripProxy.start("127.0.0.1", TestRedis.port());
        jedis = new JedisPooled("127.0.0.1", proxy.port());
        jedis.ping();
        proxy.reset();
    }

    @AfterEach
    void stop() {
        jedis.close();
        proxy.close();
    }

    @Test
    void countsEachCommandThatWaitsForItsAnswer() {
        for (int i = 0; i < 5; i++) {
            jedis.set("rtp:" + i, "v");
        }
        assertThat(jedis.get("rtp:4")).isEqualTo("v");

        assertThat(proxy.roundTrips()).isEqualTo(6);
    }

    @Test
    void countsAPipelineAsOne() {
        try (var pipeline = jedis.pipelined()) {
            for (int i = 0; i < 20; i++) {
                pipeline.incr("rtp:pipelined");
            }
            pipeline.sync();
        }

        assertThat(proxy.roundTrips()).isEqualTo(1);
    }

    @Test
    void countsAScriptAsOne() {
        jedis.eval("redis.call('set', KEYS[1], 'a'); redis.call('expire', KEYS[1], 5); return 1",
                List.of("rtp:script"), List.of());

        assertThat(proxy.roundTrips()).isEqualTo(1);
        assertThat(jedis.get("rtp:script")).isEqualTo("a");
        assertThat(proxy.roundTrips()).isEqualTo(2);
    }

    @Test
    void startsAgainFromZeroAfterAReset() {
        jedis.set("rtp:reset", "1");
        proxy.reset();

        assertThat(proxy.roundTrips()).isZero();
    }
}
