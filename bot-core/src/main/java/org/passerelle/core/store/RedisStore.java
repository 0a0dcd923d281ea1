package org.passerelle.core.store;

import java.util.Objects;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis that holds Passerelle's state: key naming under one prefix, and one place where
 * Jedis failures become {@link StoreUnavailableException}. Thread-safe; share one instance.
 */
public final class RedisStore implements AutoCloseable {

    private final UnifiedJedis jedis;
    private final String prefix;

    /**
     * @param jedis  a pooled client (e.g. {@code JedisPooled}); closed with this store
     * @param prefix put before every key, e.g. {@code passerelle:}
     */
    public RedisStore(UnifiedJedis jedis, String prefix) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** The full key for these parts, joined by colons after the prefix. */
    public String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    /** The key prefix. */
    public String prefix() {
        return prefix;
    }

    /**
     * Runs Redis commands.
     *
     * @throws StoreUnavailableException when Redis fails or cannot be reached
     */
    public <T> T call(Function<UnifiedJedis, T> commands) {
        try {
            return commands.apply(jedis);
        } catch (JedisException e) {
            throw new StoreUnavailableException("Redis failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Whether Redis answers a PING now; never throws. */
    public boolean ping() {
        try {
            return "PONG".equalsIgnoreCase(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        jedis.close();
    }
}
