package org.passerelle.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.conversation.TestEngines;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.RoundTripProxy;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The Redis round trips of the sending side, counted by a relay in front of the server: a
 * delivery pass reads its batch in a fixed number of round trips, then each reply costs a few;
 * forgetting a conversation's replies costs one a page of the stream.
 */
class OutboxRoundTripsIntegrationTests {

    private static final int REPLIES = 20;

    private final RoundTripProxy proxy = RoundTripProxy.start("127.0.0.1", TestRedis.port());
    private final RedisStore store = new RedisStore(new JedisPooled("127.0.0.1", proxy.port()),
            "test-" + UUID.randomUUID() + ":");
    // No rates: every reply may go in the first pass.
    private final Outbox outbox = new Outbox(store, TestEngines.OUTBOX_SEALERS, new OutboxSettings(50,
            Duration.ofSeconds(30), 3, Duration.ofMillis(20), Duration.ofMillis(100), Map.of(), Map.of()),
            Clock.systemUTC(), conversation -> { });
    private final List<OutboundMessage> sent = new ArrayList<>();
    private final ChannelSender sms = new ChannelSender() {
        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            sent.add(message);
            return SendResult.sent();
        }
    };

    @AfterEach
    void close() {
        store.close();
        proxy.close();
    }

    @Test
    void sendsEachReplyInAFewRoundTrips() {
        // A first pass on an empty stream: the group exists and the scripts are known from then on.
        outbox.deliver(Map.of(Channel.SMS, sms), "test");
        proxy.reset();
        outbox.enqueue("conv-x", Channel.SMS, "+33600000000", List.of(Reply.text("one"), Reply.text("two")));
        assertThat(proxy.roundTrips()).as("the replies of one turn queued at once").isEqualTo(1);
        for (int i = 0; i < REPLIES - 2; i++) {
            outbox.enqueue("conv-" + i, Channel.SMS, "+3360000" + (1000 + i), List.of(Reply.text("hello")));
        }
        proxy.reset();
        outbox.deliver(Map.of(Channel.SMS, sms), "test");
        long pass = proxy.roundTrips();
        proxy.reset();
        outbox.deliver(Map.of(Channel.SMS, sms), "test");
        long empty = proxy.roundTrips();
        System.out.printf("outbox round trips: empty pass %d, %d replies %d (%.1f each beyond the pass)%n", empty,
                REPLIES, pass, (pass - empty) / (double) REPLIES);

        assertThat(sent).hasSize(REPLIES);
        // A pass: its batch read at once, the streams trimmed at once; a reply: looked at, then settled.
        assertThat(empty).isEqualTo(2);
        assertThat(pass - empty).isEqualTo(2L * REPLIES);
    }

    @Test
    void looksNoFurtherAtAChannelOnceItsRateForTheSecondIsSpent() throws InterruptedException {
        var limited = limited(Duration.ofSeconds(1), 10);
        // A first reply, so that the rate's script is known from then on.
        limited.enqueue("conv-first", Channel.SMS, "+33600000999", List.of(Reply.text("first")));
        limited.deliver(Map.of(Channel.SMS, sms), "test");
        for (int i = 0; i < 40; i++) {
            limited.enqueue("conv-" + i, Channel.SMS, "+3360000" + (1000 + i), List.of(Reply.text("hello")));
        }
        sent.clear();
        // The pass below falls within one second of the channel's rate, none of it spent yet.
        untilTheNextSecond();
        proxy.reset();

        limited.deliver(Map.of(Channel.SMS, sms), "test");

        assertThat(sent).hasSize(10);
        // The pass (2), ten replies sent (3 each: looked at with her chat's interval, counted,
        // settled with it), the eleventh refused (looked at, counted), and the conversations of
        // the eleventh and of the 29 after it held in one round trip at the end.
        assertThat(proxy.roundTrips()).isEqualTo(2 + 3 * 10 + 2 + 1);
    }

    @Test
    void aReplyHerChatsIntervalHoldsBackCostsOneLookAndHerNextOneNone() throws InterruptedException {
        var limited = limited(Duration.ofSeconds(5), 100);
        limited.enqueue("conv-a", Channel.SMS, "+33600000001", List.of(Reply.text("first")));
        limited.deliver(Map.of(Channel.SMS, sms), "test");
        limited.enqueue("conv-a", Channel.SMS, "+33600000001", List.of(Reply.text("second"), Reply.text("third")));
        proxy.reset();

        limited.deliver(Map.of(Channel.SMS, sms), "test");

        assertThat(sent).extracting(message -> message.reply().text()).containsExactly("first");
        // The pass (2), the second looked at and held back by her chat's interval, the third set
        // aside by the pass without a look, her conversation held by the second at the end.
        assertThat(proxy.roundTrips()).isEqualTo(2 + 1 + 1);
        var waiting = store.<List<StreamEntry>>call(jedis -> jedis.xrange(store.key("outbox"), "-", "+"));
        assertThat(waiting).as("the second and the third, the first sent and deleted").hasSize(2);
        assertThat(store.<String>call(jedis -> jedis.get(store.key("outbox", "hold", "conv-a"))))
                .isEqualTo(waiting.get(0).getFields().get("id"));
    }

    @Test
    void aReplyTheChannelsRateHoldsBackTakesNothingFromHerChatsInterval() throws InterruptedException {
        var limited = limited(Duration.ofSeconds(5), 1);
        limited.enqueue("conv-first", Channel.SMS, "+33600000001", List.of(Reply.text("first")));
        limited.enqueue("conv-second", Channel.SMS, "+33600000002", List.of(Reply.text("second")));
        untilTheNextSecond();

        limited.deliver(Map.of(Channel.SMS, sms), "test");

        assertThat(sent).extracting(message -> message.reply().text()).containsExactly("first");
        assertThat(store.<Boolean>call(jedis -> jedis.exists(store.key("outbox", "rate", "conv-first")))).isTrue();
        assertThat(store.<Boolean>call(jedis -> jedis.exists(store.key("outbox", "rate", "conv-second")))).isFalse();
    }

    /**
     * Forgetting a conversation's replies goes through the stream a page a round trip, so that a
     * stream grown long under a backlog never holds Redis for the whole of it.
     */
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

    /** An outbox that holds SMS to an interval per chat and a rate per second. */
    private Outbox limited(Duration perChat, int perSecond) {
        return new Outbox(store, TestEngines.OUTBOX_SEALERS, new OutboxSettings(50, Duration.ofSeconds(30), 3,
                Duration.ofMillis(20), Duration.ofMillis(100), Map.of(Channel.SMS, perChat),
                Map.of(Channel.SMS, perSecond)), Clock.systemUTC(), conversation -> { });
    }

    private static void untilTheNextSecond() throws InterruptedException {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 10);
    }
}
