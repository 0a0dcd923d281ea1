package org.passerelle.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.store.RedisScript;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;
import redis.clients.jedis.params.SetParams;

/**
 * Decides whether a reply may leave now, in Redis so that every instance agrees: once sent it
 * never leaves again; a conversation is held by its first reply still waiting, so that the
 * others keep their order; retries wait their back-off; per-chat and per-channel rates hold.
 */
final class OutboxGates {

    private static final Duration KEEP = Duration.ofDays(2);
    private static final RedisScript RELEASE = new RedisScript("""
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0
            """);
    private static final RedisScript COUNT = new RedisScript("""
            local n = redis.call('incr', KEYS[1])
            if n == 1 then redis.call('pexpire', KEYS[1], 2000) end
            return n
            """);

    private final RedisStore store;
    private final OutboxSettings settings;
    private final Clock clock;

    OutboxGates(RedisStore store, OutboxSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What the gates know of a reply before it goes: sent already, the parts the channel took, the
     * reply that holds its conversation, a back-off running, her chat's interval still running.
     */
    record Look(boolean sent, int partsDone, String holder, boolean backingOff, boolean chatBusy) {
    }

    /** What the gates know of this reply, read in one round trip. */
    Look look(String id, String conversation) {
        return store.call(jedis -> {
            try (var pipeline = jedis.pipelined()) {
                var sent = pipeline.exists(key("sent", id));
                var parts = pipeline.get(key("parts", id));
                var holder = pipeline.get(key("hold", conversation));
                var backoff = pipeline.exists(key("backoff", id));
                var chatBusy = pipeline.exists(key("rate", conversation));
                pipeline.sync();
                return new Look(sent.get(), parts.get() == null ? 0 : Integer.parseInt(parts.get()), holder.get(),
                        backoff.get(), chatBusy.get());
            }
        });
    }

    /** Whether a reply may leave now. */
    enum Verdict {
        /** It may leave. */
        GO,
        /** Not yet: an earlier reply of her conversation waits, or a back-off runs. */
        WAIT,
        /**
         * Not yet: her chat's interval runs. It must hold her conversation (see {@link #hold}),
         * so that her later replies wait for it.
         */
        CHAT_BUSY,
        /**
         * Not yet: the channel's rate for this second is spent, for every reply of the channel.
         * It must hold her conversation, as {@link #CHAT_BUSY}.
         */
        CHANNEL_SPENT;

        /** Whether the reply waits for a rate, and so must hold its conversation. */
        boolean holds() {
            return this == CHAT_BUSY || this == CHANNEL_SPENT;
        }
    }

    /**
     * Whether this reply may be sent now, as looked at just before. Writes nothing but the
     * channel's count: a reply held back by a rate is to hold its conversation, which the caller
     * does for all such replies of a pass at once ({@link #hold}).
     */
    Verdict mayGo(String id, Channel channel, Look look) {
        if (look.holder() != null && !look.holder().equals(id)) {
            return Verdict.WAIT;
        }
        if (look.backingOff()) {
            return Verdict.WAIT;
        }
        // Her chat's interval starts when a reply leaves (see sent): a reply the channel's rate
        // holds back takes nothing from it. One sender at a time: no other can send in between.
        if (settings.perChat().get(channel) != null && look.chatBusy()) {
            return Verdict.CHAT_BUSY;
        }
        var limit = settings.perChannelRate().get(channel);
        if (limit != null && (Long) COUNT.run(store,
                List.of(key("rate", channel.id(), Long.toString(clock.millis() / 1000))), List.of()) > limit) {
            return Verdict.CHANNEL_SPENT;
        }
        return Verdict.GO;
    }

    /**
     * Holds each conversation by the reply given, unless one of hers holds it already: these wait
     * for a rate and still go before the replies that follow them. One round trip.
     *
     * @param waiting each conversation, with its first reply that waits
     */
    void hold(Map<String, String> waiting) {
        var batch = new WriteBatch();
        waiting.forEach((conversation, id) -> {
            var holdKey = key("hold", conversation);
            batch.add(tx -> tx.set(holdKey, id, SetParams.setParams().nx().px(KEEP.toMillis())));
        });
        batch.run(store);
    }

    /**
     * The reply left: never again, her chat's interval starts, and her conversation may go on;
     * with the other writes of the sending.
     */
    void sent(String id, String conversation, Channel channel, WriteBatch batch) {
        var sentKey = key("sent", id);
        batch.add(tx -> tx.set(sentKey, "1", SetParams.setParams().px(KEEP.toMillis())));
        var interval = settings.perChat().get(channel);
        if (interval != null) {
            var rateKey = key("rate", conversation);
            batch.add(tx -> tx.set(rateKey, "1", SetParams.setParams().px(interval.toMillis())));
        }
        released(id, conversation, batch);
    }

    /**
     * Records a retryable failure and its back-off, at least what the channel asked for; returns
     * the attempts so far.
     */
    int failedOnce(String id, String conversation, Duration asked) {
        long attempts = store.call(jedis -> {
            long n = jedis.incr(key("attempts", id));
            jedis.pexpire(key("attempts", id), KEEP.toMillis());
            return n;
        });
        long wait = Math.max(asked.toMillis(), Math.min(settings.maxBackoff().toMillis(),
                settings.firstBackoff().toMillis() << Math.min(attempts - 1, 20)));
        store.call(jedis -> {
            jedis.set(key("backoff", id), "1", SetParams.setParams().px(Math.max(1, wait)));
            return jedis.set(key("hold", conversation), id, SetParams.setParams().nx().px(KEEP.toMillis()));
        });
        return (int) attempts;
    }

    void partsDone(String id, int parts) {
        store.call(jedis -> jedis.set(key("parts", id), Integer.toString(parts),
                SetParams.setParams().px(KEEP.toMillis())));
    }

    int attempts(String id) {
        var value = store.<String>call(jedis -> jedis.get(key("attempts", id)));
        return value == null ? 0 : Integer.parseInt(value);
    }

    /** Forgets the rate and the order kept for a conversation that was erased. */
    void forget(String conversation) {
        store.call(jedis -> jedis.del(key("rate", conversation), key("hold", conversation)));
    }

    /** The reply is done with (sent or given up): its conversation may go on. */
    void released(String id, String conversation) {
        var batch = new WriteBatch();
        released(id, conversation, batch);
        batch.run(store);
    }

    /** As {@link #released(String, String)}, with the other writes of a batch. */
    void released(String id, String conversation, WriteBatch batch) {
        if (id == null || conversation == null) {
            return;
        }
        batch.script(RELEASE, List.of(key("hold", conversation)), List.of(id));
    }

    private String key(String... parts) {
        var all = new String[parts.length + 1];
        all[0] = "outbox";
        System.arraycopy(parts, 0, all, 1, parts.length);
        return store.key(all);
    }
}
