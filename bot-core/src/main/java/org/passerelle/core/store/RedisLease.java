package org.passerelle.core.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/**
 * A role that one instance at a time holds, e.g. polling a channel or sending the outbox: a key
 * holding the holder's random token, taken with {@code SET NX PX} and renewed or released only by
 * a script that first compares the token, so that no instance ever extends or deletes another's
 * lease. Only Redis' clock times it: the instances need not agree on the time. The holder renews
 * it well before it lapses (e.g. every third of it); when the holder dies, another takes it once
 * it lapses. Thread-safe.
 */
public final class RedisLease {

    private static final Logger log = LoggerFactory.getLogger(RedisLease.class);

    // Renews her own lease; takes it again if it lapsed meanwhile (e.g. Redis was away) and no one else has.
    private static final String RENEW = """
            local holder = redis.call('get', KEYS[1])
            if holder == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
            if not holder then
              redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0
            """;
    private static final String RELEASE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0
            """;

    private final RedisStore store;
    private final String key;
    private final Duration duration;
    private final String token = UUID.randomUUID().toString();

    /**
     * @param store    the store
     * @param key      the full key of the lease ({@link RedisStore#key})
     * @param duration how long the lease lasts unless renewed
     */
    public RedisLease(RedisStore store, String key, Duration duration) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    /** This holder's token, for scripts that act only while the lease is held. */
    public String token() {
        return token;
    }

    /** The lease's key. */
    public String key() {
        return key;
    }

    /**
     * Takes the lease if no one holds it.
     *
     * @throws StoreUnavailableException when Redis fails
     */
    public boolean tryAcquire() {
        var params = SetParams.setParams().nx().px(duration.toMillis());
        return "OK".equals(store.call(jedis -> jedis.set(key, token, params)));
    }

    /**
     * Extends the lease if this holder has it, or takes it again if it lapsed and is free.
     *
     * @return whether this holder has the lease now
     * @throws StoreUnavailableException when Redis fails
     */
    public boolean renew() {
        var renewed = store.call(jedis -> jedis.eval(RENEW, List.of(key),
                List.of(token, Long.toString(duration.toMillis()))));
        return Long.valueOf(1).equals(renewed);
    }

    /**
     * Gives the lease up if this holder has it, so that another takes it at once.
     *
     * @throws StoreUnavailableException when Redis fails
     */
    public void release() {
        store.call(jedis -> jedis.eval(RELEASE, List.of(key), List.of(token)));
    }

    /**
     * Gives the lease up on a stop: when Redis cannot be reached, it lapses by itself, which is
     * said in the log under the role's name.
     *
     * @param role what the lease is for, e.g. "Telegram polling"
     * @return whether it was given up
     */
    public boolean releaseOnStop(String role) {
        try {
            release();
            return true;
        } catch (StoreUnavailableException e) {
            log.warn("{} lease not released, it lapses by itself: {}", role,
                    e.getMessage());
            return false;
        }
    }
}
