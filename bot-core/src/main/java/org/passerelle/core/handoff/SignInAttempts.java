package org.passerelle.core.handoff;

import java.time.Duration;
import java.util.List;
import org.passerelle.core.store.RedisStore;

/**
 * Failed sign-ins per staff account, in Redis, so that guessing a password stops after a few
 * tries on every instance: after {@code maxFailures} failures, each less than {@code lockout}
 * after the one before, the account is locked until {@code lockout} has passed since the last.
 * A good sign-in clears the count. Thread-safe.
 *
 * <p>Key, after the store prefix: {@code staff:failures:{username}}, a counter that expires
 * {@code lockout} after the last failure. Every method may throw
 * {@link org.passerelle.core.store.StoreUnavailableException} when Redis fails.
 */
public final class SignInAttempts {

    private static final String FAILED = """
            local count = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return count
            """;

    private final RedisStore store;
    private final int maxFailures;
    private final Duration lockout;

    /**
     * @param store       the Redis store
     * @param maxFailures failures in a row that lock the account, at least 1
     * @param lockout     how long a lock lasts after the last failure
     */
    public SignInAttempts(RedisStore store, int maxFailures, Duration lockout) {
        if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("maxFailures must be at least 1 and lockout positive");
        }
        this.store = store;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** Whether the account may not sign in now, even with the right password. */
    public boolean locked(String username) {
        if (!StaffAccount.validUsername(username)) {
            return false;
        }
        var count = store.call(jedis -> jedis.get(key(username)));
        return count != null && Long.parseLong(count) >= maxFailures;
    }

    /**
     * Counts a failed sign-in.
     *
     * @return true when the account is locked from now on
     */
    public boolean failed(String username) {
        if (!StaffAccount.validUsername(username)) {
            return false;
        }
        long count = (Long) store.call(jedis -> jedis.eval(FAILED, List.of(key(username)),
                List.of(Long.toString(lockout.toMillis()))));
        return count >= maxFailures;
    }

    /** Clears the count after a good sign-in, or when an admin sets a new password. */
    public void succeeded(String username) {
        if (StaffAccount.validUsername(username)) {
            store.call(jedis -> jedis.del(key(username)));
        }
    }

    private String key(String username) {
        return store.key("staff", "failures", username);
    }
}
