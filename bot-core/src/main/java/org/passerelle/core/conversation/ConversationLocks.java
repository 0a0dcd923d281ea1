package org.passerelle.core.conversation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.passerelle.core.store.RedisScript;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;
import redis.clients.jedis.params.SetParams;

/**
 * Keeps the turns of one person in order: a lease in Redis for every instance, and in front of
 * it a fair lock of hers in this process, so that her local turns queue instead of polling Redis
 * while no one else waits for her (a lock shared by several people would make each wait for the
 * others' turns, and under load the waits chain up). Her local lock lives as long as someone
 * holds it or waits for it.
 * A turn takes its lease in its first round trip and gives it back in its last one (see
 * {@link TurnOpening}); other work under the lock takes and releases it on its own.
 */
final class ConversationLocks {

    private static final RedisScript RELEASE = new RedisScript("""
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0
            """);

    /** A lease of one conversation's lock: its key, and the token that only its holder knows. */
    record Lease(String key, String token) {
    }

    private final RedisStore store;
    private final Duration lease;
    private final Duration wait;
    private final ConcurrentHashMap<String, LocalLock> local = new ConcurrentHashMap<>();

    /** A conversation's lock in this process, with how many threads hold it or wait for it. */
    private static final class LocalLock {
        final ReentrantLock lock = new ReentrantLock(true);
        // Changed only inside the map's compute functions, under the map's lock of the key.
        int users;
    }

    ConversationLocks(RedisStore store, Duration lease, Duration wait) {
        this.store = store;
        this.lease = lease;
        this.wait = wait;
    }

    /** Runs work under the conversation's lock, taken and released in round trips of its own. */
    <T> T withLock(String conversationId, Supplier<T> turn) {
        long deadline = deadline();
        return locally(conversationId, deadline, () -> {
            var held = lease(conversationId);
            acquire(held, deadline);
            try {
                return turn.get();
            } finally {
                release(held);
            }
        });
    }

    /** When a lock asked for now must be held at the latest, in {@link System#nanoTime()}. */
    long deadline() {
        return System.nanoTime() + wait.toNanos();
    }

    /** How long a lease lasts when its holder does not release it. */
    Duration leaseTime() {
        return lease;
    }

    /**
     * Runs work under this process's lock of the conversation, so that a turn here waits for the
     * one before it without polling Redis.
     *
     * @throws ConversationBusyException when it is not free before the deadline
     */
    <T> T locally(String conversationId, long deadline, Supplier<T> work) {
        var held = local.compute(conversationId, (id, lock) -> {
            var used = lock == null ? new LocalLock() : lock;
            used.users++;
            return used;
        });
        try {
            if (!tryLocal(held.lock, deadline)) {
                throw new ConversationBusyException("turn lock not acquired in time");
            }
            try {
                return work.get();
            } finally {
                held.lock.unlock();
            }
        } finally {
            local.computeIfPresent(conversationId, (id, lock) -> --lock.users == 0 ? null : lock);
        }
    }

    /** How many conversations have a lock in this process now: held, or waited for. */
    int localLocks() {
        return local.size();
    }

    /** A new lease of this conversation's lock, not yet taken. */
    Lease lease(String conversationId) {
        return new Lease(store.key("lock", "conv", conversationId), UUID.randomUUID().toString());
    }

    /** Gives a lease back, if it is still this holder's. */
    void release(Lease held) {
        RELEASE.run(store, List.of(held.key()), List.of(held.token()));
    }

    /** Gives a lease back with the other writes of a batch, if it is still this holder's. */
    void release(Lease held, WriteBatch batch) {
        batch.script(RELEASE, List.of(held.key()), List.of(held.token()));
    }

    /**
     * Waits before the next attempt to take a lease held elsewhere, doubling the pause up to 50 ms.
     *
     * @return the next pause
     * @throws ConversationBusyException when the deadline has passed
     */
    static long pause(long millis, long deadline) {
        if (System.nanoTime() > deadline) {
            throw new ConversationBusyException("turn lock held elsewhere");
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversationBusyException("interrupted while waiting for the turn lock");
        }
        return Math.min(millis * 2, 50);
    }

    private static boolean tryLocal(ReentrantLock stripe, long deadline) {
        try {
            return stripe.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void acquire(Lease held, long deadline) {
        var params = SetParams.setParams().nx().px(lease.toMillis());
        long pause = 2;
        while (!"OK".equals(store.call(jedis -> jedis.set(held.key(), held.token(), params)))) {
            pause = pause(pause, deadline);
        }
    }
}
