package org.passerelle.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.params.SetParams;

/**
 * Decides whether a reply may leave now, in Redis so that every instance agrees: once sent it
 * never leaves again; a conversation is held by its first reply still waiting, so that the
 * others keep their order; retries wait their back-off; per-chat and per-channel rates hold.
 */
final class OutboxGates {

    private static final Duration KEEP = Duration.ofDays(2);
    private static final String RELEASE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0
            """;
    private static final String COUNT = """
            local n = redis.call('incr', KEYS[1])
            if n == 1 then redis.call('pexpire', KEYS[1], 2000) end
            return n
            """;

    private final RedisStore store;
    private final OutboxSettings settings;
    private final Clock clock;

    OutboxGates(RedisStore store, OutboxSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    boolean alreadySent(String id) {
        return store.call(jedis -> jedis.exists(key("sent", id)));
    }

    /** Whether this reply may be sent now; when not, it holds its conversation so later ones wait. */
    boolean mayGo(String id, String conversation, Channel channel) {
        var holdKey = key("hold", conversation);
        var holder = store.<String>call(jedis -> jedis.get(holdKey));
        if (holder != null && !holder.equals(id)) {
            return false;
        }
        if (store.call(jedis -> jedis.exists(key("backoff", id)))) {
            return false;
        }
        var interval = settings.perChat().get(channel);
        boolean chatFree = interval == null || "OK".equals(store.call(jedis ->
                jedis.set(key("rate", conversation), "1", SetParams.setParams().nx().px(interval.toMillis()))));
        var limit = settings.perChannelRate().get(channel);
        boolean channelFree = chatFree && (limit == null || (Long) store.call(jedis -> jedis.eval(COUNT,
                List.of(key("rate", channel.id(), Long.toString(clock.millis() / 1000))), List.of())) <= limit);
        if (!channelFree) {
            // Waiting for the rate, it still goes before the replies that follow it.
            store.call(jedis -> jedis.set(holdKey, id, SetParams.setParams().nx().px(KEEP.toMillis())));
            return false;
        }
        return true;
    }

    void sent(String id, String conversation) {
        store.call(jedis -> jedis.set(key("sent", id), "1", SetParams.setParams().px(KEEP.toMillis())));
        released(id, conversation);
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

    /** The parts of a split reply that the channel already took. */
    int partsDone(String id) {
        var value = store.<String>call(jedis -> jedis.get(key("parts", id)));
        return value == null ? 0 : Integer.parseInt(value);
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
        if (id == null || conversation == null) {
            return;
        }
        store.call(jedis -> jedis.eval(RELEASE, List.of(key("hold", conversation)), List.of(id)));
    }

    private String key(String... parts) {
        var all = new String[parts.length + 1];
        all[0] = "outbox";
        System.arraycopy(parts, 0, all, 1, parts.length);
        return store.key(all);
    }
}
