package org.passerelle.connectors.telegram;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.params.SetParams;

/**
 * The right to poll Telegram, held by one instance at a time: a key in Redis holding the
 * holder's token, taken with {@code SET NX PX} and renewed or released only by a script that
 * first compares the token, so that no instance ever extends or deletes another's lease. Only
 * Redis' own clock times the lease: instances need not agree on the time.
 */
final class PollingLease {

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
    private final Duration lease;
    private final String token = UUID.randomUUID().toString();

    PollingLease(RedisStore store, Duration lease) {
        this.store = store;
        this.lease = lease;
    }

    /** This instance's token, which the stream's append script checks too. */
    String token() {
        return token;
    }

    String key() {
        return store.key("{telegram}", "poller");
    }

    /**
     * Takes the lease if no one holds it.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    boolean tryAcquire() {
        var params = SetParams.setParams().nx().px(lease.toMillis());
        return "OK".equals(store.call(jedis -> jedis.set(key(), token, params)));
    }

    /**
     * Extends the lease if this instance holds it, or takes it again if it lapsed and is free.
     *
     * @return whether this instance holds the lease now
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    boolean renew() {
        var renewed = store.call(jedis -> jedis.eval(RENEW, List.of(key()),
                List.of(token, Long.toString(lease.toMillis()))));
        return Long.valueOf(1).equals(renewed);
    }

    /**
     * Gives the lease up if this instance holds it, so that another takes over at once.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    void release() {
        store.call(jedis -> jedis.eval(RELEASE, List.of(key()), List.of(token)));
    }
}
