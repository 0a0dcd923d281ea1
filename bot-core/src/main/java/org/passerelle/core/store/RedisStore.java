package org.passerelle.core.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis that holds Passerelle's state: key naming under one prefix, and one place where
 * Jedis failures become {@link StoreUnavailableException}. Thread-safe; share one instance.
 */
public final class RedisStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisStore.class);

    // KEYS: stream; ARGV: group, how many pending entries to look at.
    private static final RedisScript RELEASE_VANISHED = new RedisScript("""
            local released = 0
            for _, pending in ipairs(redis.call('xpending', KEYS[1], ARGV[1], '-', '+', tonumber(ARGV[2]))) do
              local id = pending[1]
              if #redis.call('xrange', KEYS[1], id, id) == 0 then
                redis.call('xack', KEYS[1], ARGV[1], id)
                released = released + 1
              end
            end
            return released
            """);

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
     * The fields of each of these hashes, in their order, in one round trip however many there
     * are; an empty map for a hash that is not there.
     *
     * @throws StoreUnavailableException when Redis fails
     */
    public List<Map<String, String>> hashes(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return call(redis -> {
            try (var pipeline = redis.pipelined()) {
                var replies = keys.stream().map(pipeline::hgetAll).toList();
                pipeline.sync();
                return replies.stream().map(Response::get).toList();
            }
        });
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

    /**
     * Takes off a consumer group's pending list the entries that are no longer in its stream
     * (trimmed or deleted while a consumer held them), among the {@code max} oldest pending. Redis
     * 6 hands such an entry to {@code XAUTOCLAIM} as nil, again and again, until it is acknowledged;
     * Redis 7 drops it by itself. Logs how many, as a warning: something trimmed or deleted
     * entries that a consumer had not acknowledged.
     *
     * @param what names the stream in the log, e.g. "outbox"
     * @return how many were taken off
     * @throws StoreUnavailableException when Redis fails
     */
    public long releaseVanished(String streamKey, String group, int max, String what) {
        Object result = RELEASE_VANISHED.run(this, List.of(streamKey), List.of(group, Integer.toString(max)));
        long released = result instanceof Long count ? count : 0;
        log.warn("{}: released {} pending entries no longer in the stream", what, released);
        return released;
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
