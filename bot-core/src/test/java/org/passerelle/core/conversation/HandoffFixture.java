package org.passerelle.core.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.handoff.HandoffSettings;
import org.passerelle.core.handoff.TeamHours;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.outbox.OutboxSettings;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.stats.StatsSettings;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/**
 * An engine and a mediators' desk on a real Redis, for handoff tests: people on their channels,
 * what the outbox sends them, and everything Redis holds.
 */
final class HandoffFixture implements AutoCloseable {

    /** Ten minutes for minors, six hours after a close, two turns of context, weekdays 10 to 18. */
    static final HandoffSettings SETTINGS = new HandoffSettings(Duration.ofMinutes(10), Duration.ofHours(6), 2,
            TeamHours.parse("MON-FRI 10:00-18:00"), 300);

    final MutableClock clock;
    final RedisStore store = TestRedis.newStore();
    final ConversationEngine engine;
    final Outbox outbox;
    final MediatorDesk desk;
    final Stats stats;
    private final List<OutboundMessage> sent = Collections.synchronizedList(new ArrayList<>());

    /** Everything at this instant; Monday 30 November 2026, 11:00 in Paris, is within the hours. */
    HandoffFixture(Instant now) {
        clock = new MutableClock(now);
        stats = new Stats(store, clock, StatsSettings.defaults());
        engine = TestEngines.engine(store, clock, null, TestEngines.handoffSetup(store, SETTINGS), stats);
        var fast = new OutboxSettings(50, Duration.ofMillis(30), 3, Duration.ofMillis(20), Duration.ofMillis(100),
                Map.of(), Map.of());
        outbox = new Outbox(store, TestEngines.OUTBOX_SEALERS, fast, clock, engine::markStopped);
        desk = new MediatorDesk(engine, outbox, clock);
    }

    HandoffFixture() {
        this(Instant.parse("2026-11-30T10:00:00Z"));
    }

    RecordingChannel person(Channel channel, String address) {
        return new RecordingChannel(engine, channel, address, clock);
    }

    /** What the outbox sent since the last call, in order. */
    List<OutboundMessage> sent() {
        var senders = new EnumMap<Channel, ChannelSender>(Channel.class);
        for (var channel : Channel.values()) {
            senders.put(channel, new ChannelSender() {
                @Override
                public Channel channel() {
                    return channel;
                }

                @Override
                public SendResult send(OutboundMessage message) {
                    sent.add(message);
                    return SendResult.sent();
                }
            });
        }
        for (int pass = 0; pass < 50 && outbox.deliver(senders, "test") > 0; pass++) {
            // Deliver until the stream has nothing new, within bounds.
        }
        var out = List.copyOf(sent);
        sent.clear();
        return out;
    }

    String ui(Language language, String key) {
        return TestEngines.CONTENT.ui(language, key);
    }

    /** Every key and value under this fixture's prefix, as text. */
    String everythingInRedis() {
        var all = new StringBuilder();
        for (var key : store.<java.util.Set<String>>call(jedis -> jedis.keys(store.prefix() + "*"))) {
            all.append(key).append('\n');
            String type = store.call(jedis -> jedis.type(key));
            Object value = switch (type) {
                case "string" -> store.call(jedis -> jedis.get(key));
                case "list" -> store.call(jedis -> jedis.lrange(key, 0, -1));
                case "hash" -> store.call(jedis -> jedis.hgetAll(key));
                case "zset" -> store.call(jedis -> jedis.zrange(key, 0, -1));
                case "stream" -> store.call(jedis -> jedis.xrange(key, "-", "+", 1000)).stream()
                        .map(entry -> entry.getFields()).toList();
                default -> "";
            };
            all.append(value).append('\n');
        }
        return all.toString();
    }

    @Override
    public void close() {
        store.close();
    }
}
