package org.passerelle.core.conversation;

import java.util.List;
import org.passerelle.core.store.RedisStore;

/**
 * Counts the messages of one conversation per minute in Redis, across instances, and refuses
 * those over the limit, so that a flood from one sender cannot starve the others.
 */
final class FloodGuard {

    private static final String COUNT = """
            local n = redis.call('incr', KEYS[1])
            if n == 1 then redis.call('expire', KEYS[1], 60) end
            return n
            """;

    private final RedisStore store;
    private final int perMinute;

    FloodGuard(RedisStore store, int perMinute) {
        this.store = store;
        this.perMinute = perMinute;
    }

    void check(String conversationId) {
        var key = store.key("flood", conversationId);
        var count = (Long) store.call(jedis -> jedis.eval(COUNT, List.of(key), List.of()));
        if (count > perMinute) {
            throw new TooManyMessagesException("more than " + perMinute + " messages in a minute");
        }
    }
}
