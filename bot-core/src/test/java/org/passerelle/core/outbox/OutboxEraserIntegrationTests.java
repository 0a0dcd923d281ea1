package org.passerelle.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.conversation.TestEngines;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.RoundTripProxy;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Forgetting a conversation's replies goes through the outbox stream a page a round trip, so that
 * a stream grown long under a backlog never holds Redis for the whole of it.
 */
class OutboxEraserIntegrationTests {

    private final RoundTripProxy proxy = RoundTripProxy.start("127.0.0.1", TestRedis.port());
    private final RedisStore store = new RedisStore(new JedisPooled("127.0.0.1", proxy.port()),
            "test-" + UUID.randomUUID() + ":");
    private final Outbox outbox = new Outbox(store, TestEngines.OUTBOX_SEALERS, new OutboxSettings(50,
            Duration.ofSeconds(30), 3, Duration.ofMillis(20), Duration.ofMillis(100), Map.of(), Map.of()),
            Clock.systemUTC(), conversation -> { });

    @AfterEach
    void close() {
        store.close();
        proxy.close();
    }

    @Test
    void forgetsHerRepliesSpreadOverSeveralPagesAndNoOneElses() {
        int total = 2 * OutboxEraser.PAGE + 201;
        int hers = 0;
        for (int i = 0; i < total; i++) {
            var conversation = i % 3 == 0 ? "conv-her" : "conv-" + (i % 7);
            hers += conversation.equals("conv-her") ? 1 : 0;
            outbox.enqueue(conversation, Channel.SMS, "+3360000" + (1000 + i % 7), List.of(Reply.text("reply " + i)));
        }
        store.call(jedis -> jedis.set(store.key("outbox", "hold", "conv-her"), "some reply"));
        store.call(jedis -> jedis.set(store.key("outbox", "rate", "conv-her"), "1"));
        knowTheScript();
        proxy.reset();

        long gone = new OutboxEraser(store).forget("conv-her");

        assertThat(gone).isEqualTo(hers);
        assertThat(proxy.roundTrips()).as("three pages, the last one short").isEqualTo(3);
        var left = store.<List<StreamEntry>>call(jedis -> jedis.xrange(store.key("outbox"), "-", "+"));
        assertThat(left).hasSize(total - hers)
                .noneMatch(entry -> "conv-her".equals(entry.getFields().get("conv")));
        assertThat(store.<Boolean>call(jedis -> jedis.exists(store.key("outbox", "hold", "conv-her")))).isFalse();
        assertThat(store.<Boolean>call(jedis -> jedis.exists(store.key("outbox", "rate", "conv-her")))).isFalse();
    }

    /** Redis learns the script at its first run (a round trip more); the counts are of the runs after. */
    private void knowTheScript() {
        assertThat(new OutboxEraser(store).forget("conv-nobody")).isZero();
    }

    @Test
    void aShortStreamTakesOneRoundTrip() {
        outbox.enqueue("conv-her", Channel.SMS, "+33600001000", List.of(Reply.text("one"), Reply.text("two")));
        outbox.enqueue("conv-other", Channel.SMS, "+33600001001", List.of(Reply.text("three")));
        store.call(jedis -> jedis.set(store.key("outbox", "hold", "conv-her"), "some reply"));
        knowTheScript();
        proxy.reset();

        assertThat(new OutboxEraser(store).forget("conv-her")).isEqualTo(2);

        assertThat(proxy.roundTrips()).isEqualTo(1);
        assertThat(store.<Long>call(jedis -> jedis.xlen(store.key("outbox")))).isEqualTo(1);
        assertThat(store.<Boolean>call(jedis -> jedis.exists(store.key("outbox", "hold", "conv-her")))).isFalse();
    }
}
