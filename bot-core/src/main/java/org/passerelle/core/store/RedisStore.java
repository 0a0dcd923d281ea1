package org.passerelle.core.store;

import java.util.Objects;
import java.util.function.Function;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis that holds Passerelle's state: key naming under one prefix, and one place where
 * Jedis failures become {@link StoreUnavailableException}. Thread-safe; share one instance.
 */
public final class RedisStore implements AutoCloseable {

    private final UnifiedJedis jedis;
    private final String prefix;
    private final Function<UnifiedJedis, AbstractPipeline> oneNode;

    /**
     * @param jedis  a pooled client (e.g. {@code JedisPooled}); closed with this store
     * @param prefix put before every key, e.g. {@code passerelle:}
     */
    public RedisStore(UnifiedJedis jedis, String prefix) {
        this(jedis, prefix, UnifiedJedis::pipelined);
    }

    /**
     * A store whose pipelines that must reach one server, such as a {@code MULTI}…{@code EXEC}
     * written at once, are opened by {@code oneNode}: for a cluster, on the node that serves the
     * prefix's hash slot, since a cluster pipeline routes each command by its own key.
     */
    public RedisStore(UnifiedJedis jedis, String prefix, Function<UnifiedJedis, AbstractPipeline> oneNode) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.oneNode = Objects.requireNonNull(oneNode, "oneNode");
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

    /**
     * A pipeline to the one server that holds every key of this store, for commands that carry
     * no key of their own ({@code MULTI}, {@code EXEC}); use it inside {@link #call}, and close it.
     */
    public AbstractPipeline pipelineOnOneNode() {
        return oneNode.apply(jedis);
    }

    /**
     * Creates a consumer group reading a stream from its start, and the stream with it, unless
     * the group is there already (another instance may have created it first).
     *
     * @throws StoreUnavailableException when Redis fails
     */
    public void createGroup(String streamKey, String group) {
        call(redis -> {
            try {
                return redis.xgroupCreate(streamKey, group, new StreamEntryID(0, 0), true);
            } catch (JedisDataException alreadyThere) {
                // BUSYGROUP: the group exists.
                return "OK";
            }
        });
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
