package org.passerelle.core.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.store.RedisStore;

/**
 * The queue of conversations waiting for a mediator, in Redis: a sorted set scored so that
 * danger comes before minors, minors before the rest, and within a priority the longest wait
 * first. Thread-safe and safe across instances.
 */
public final class HandoffQueue {

    // Scores are rank * SPAN + epoch millis; SPAN is far above any epoch millis of this century.
    private static final double SPAN = 1e13;
    // Waiting already: keep the place, move up if the new priority is higher, keep the first time.
    private static final String ENQUEUE = """
            local old = redis.call('zscore', KEYS[1], ARGV[1])
            if old then
                local rank = tonumber(ARGV[8])
                local oldRank = math.floor(tonumber(old) / tonumber(ARGV[9]))
                if rank < oldRank then
                    local since = tonumber(old) - oldRank * tonumber(ARGV[9])
                    redis.call('zadd', KEYS[1], rank * tonumber(ARGV[9]) + since, ARGV[1])
                    redis.call('hset', KEYS[2], 'priority', ARGV[5])
                end
                return 0
            end
            redis.call('zadd', KEYS[1], ARGV[2], ARGV[1])
            redis.call('hset', KEYS[2], 'language', ARGV[3], 'channel', ARGV[4],
                'priority', ARGV[5], 'requestedAt', ARGV[6])
            redis.call('expire', KEYS[2], ARGV[7])
            return 1
            """;

    private final RedisStore store;
    private final Duration retention;
    private final Clock clock;

    /**
     * @param store     the Redis store
     * @param retention how long a request is kept when nobody acts on it
     * @param clock     the time source
     */
    public HandoffQueue(RedisStore store, Duration retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Puts a conversation in the queue, once: asking again keeps its place, and a higher priority
     * (danger after a plain request) moves it up without losing its waiting time.
     *
     * @return true when it was not waiting yet
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public boolean request(String conversationId, Language language, Channel channel, Priority priority) {
        var now = clock.instant();
        double score = priority.ordinal() * SPAN + now.toEpochMilli();
        Object added = store.call(jedis -> jedis.eval(ENQUEUE,
                List.of(queueKey(), requestKey(conversationId)),
                List.of(conversationId, Double.toString(score), language.code(), channel.id(),
                        priority.name(), Long.toString(now.toEpochMilli()),
                        Long.toString(retention.toSeconds()), Integer.toString(priority.ordinal()),
                        Long.toString((long) SPAN))));
        return Long.valueOf(1).equals(added);
    }

    /**
     * Takes a conversation out of the queue and deletes its request, e.g. when she erases
     * everything.
     */
    public void remove(String conversationId) {
        store.call(jedis -> {
            jedis.zrem(queueKey(), conversationId);
            return jedis.del(requestKey(conversationId));
        });
    }

    /** Whether the conversation is in the queue now. */
    public boolean isWaiting(String conversationId) {
        return store.call(jedis -> jedis.zscore(queueKey(), conversationId)) != null;
    }

    /** The waiting conversations, most urgent first. */
    public List<HandoffRequest> waiting() {
        var ids = store.call(jedis -> jedis.zrange(queueKey(), 0, -1));
        var requests = new ArrayList<HandoffRequest>(ids.size());
        for (var id : ids) {
            Map<String, String> fields = store.call(jedis -> jedis.hgetAll(requestKey(id)));
            if (!fields.isEmpty()) {
                requests.add(new HandoffRequest(id,
                        Language.fromCode(fields.get("language")).orElse(Language.SOURCE),
                        Channel.fromId(fields.get("channel")).orElse(Channel.WEBCHAT),
                        Priority.valueOf(fields.get("priority")),
                        Instant.ofEpochMilli(Long.parseLong(fields.get("requestedAt")))));
            }
        }
        return requests;
    }

    private String queueKey() {
        return store.key("handoff", "queue");
    }

    private String requestKey(String conversationId) {
        return store.key("handoff", conversationId);
    }
}
