package org.passerelle.core.conversation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.params.SetParams;

/**
 * Keeps the turns of one person in order: a lease in Redis for every instance, and in front of
 * it a fair lock per stripe in this process, so that local turns queue instead of polling Redis.
 */
final class ConversationLocks {

    private static final String RELEASE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0
            """;
    private static final int STRIPES = 64;

    private final RedisStore store;
    private final Duration lease;
    private final Duration wait;
    private final ReentrantLock[] local = new ReentrantLock[STRIPES];

    ConversationLocks(RedisStore store, Duration lease, Duration wait) {
        this.store = store;
        this.lease = lease;
        this.wait = wait;
        for (int i = 0; i < STRIPES; i++) {
            local[i] = new ReentrantLock(true);
        }
    }

    <T> T withLock(String conversationId, Supplier<T> turn) {
        long deadline = System.nanoTime() + wait.toNanos();
        var stripe = local[Math.floorMod(conversationId.hashCode(), STRIPES)];
        if (!tryLocal(stripe, deadline)) {
            throw new ConversationBusyException("turn lock not acquired in time");
        }
        try {
            var key = store.key("lock", "conv", conversationId);
            var token = UUID.randomUUID().toString();
            acquire(key, token, deadline);
            try {
                return turn.get();
            } finally {
                store.call(jedis -> jedis.eval(RELEASE, List.of(key), List.of(token)));
            }
        } finally {
            stripe.unlock();
        }
    }

    private static boolean tryLocal(ReentrantLock stripe, long deadline) {
        try {
            return stripe.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void acquire(String key, String token, long deadline) {
        var params = SetParams.setParams().nx().px(lease.toMillis());
        long pause = 2;
        while (!"OK".equals(store.call(jedis -> jedis.set(key, token, params)))) {
            if (System.nanoTime() > deadline) {
                throw new ConversationBusyException("turn lock held elsewhere");
            }
            sleep(pause);
            pause = Math.min(pause * 2, 50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationBusyException("interrupted while waiting for the turn lock");
        }
    }
}
