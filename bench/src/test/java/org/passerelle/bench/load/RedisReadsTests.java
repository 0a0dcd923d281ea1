package org.passerelle.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.core.store.RoundTripProxy;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;

class RedisReadsTests {

    @Test
    void countsWhatTheRelayCountsForCommandsPipelinesAndScripts() {
        int port = TestRedis.port();
        try (var proxy = RoundTripProxy.start("127.0.0.1", port);
                var jedis = new JedisPooled("127.0.0.1", proxy.port()); var reads = new RedisReads(port)) {
            jedis.ping();
            proxy.reset();
            reads.reset();

            for (int i = 0; i < 7; i++) {
                jedis.set("reads:" + i, "v");
            }
            try (var pipeline = jedis.pipelined()) {
                for (int i = 0; i < 30; i++) {
                    pipeline.incr("reads:pipelined");
                }
                pipeline.sync();
            }
            jedis.eval("return redis.call('get', KEYS[1])", List.of("reads:0"), List.of());

            long counted = reads.sinceReset();
            // 7 commands, 1 pipeline, 1 script, and whatever a new pooled connection says first.
            assertThat(proxy.roundTrips()).isBetween(9L, 12L);
            assertThat(counted).isEqualTo(proxy.roundTrips());
        }
    }

    @Test
    void refusesAServerThatDoesNotReportItsReads() {
        assertThatThrownBy(() -> RedisReads.parse("# Stats\r\ntotal_commands_processed:3\r\n"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(RedisReads.parse("# Stats\r\ntotal_reads_processed:42\r\n")).isEqualTo(42);
    }
}
