package org.passerelle.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A Lua script run by its SHA-1 digest ({@code EVALSHA}), so that its text crosses the network
 * only when the server does not know it yet (first use, a restart, a failover): then it is run
 * once by its text ({@code EVAL}), which also loads it. Every key the script touches must be
 * given in {@code KEYS}, never built inside the script. Immutable and thread-safe.
 */
public final class RedisScript {

    private final String source;
    private final String sha;

    /** @param source the Lua text */
    public RedisScript(String source) {
        this.source = Objects.requireNonNull(source, "source");
        this.sha = sha1(source);
    }

    /** The SHA-1 digest of the text, as Redis names the script. */
    public String sha() {
        return sha;
    }

    /**
     * Runs the script.
     *
     * @throws StoreUnavailableException when Redis fails, or the script raises an error
     */
    public Object run(RedisStore store, List<String> keys, List<String> args) {
        return store.call(jedis -> run(jedis, keys, args));
    }

    /** Runs the script on a client; for use inside {@link RedisStore#call}. */
    public Object run(UnifiedJedis jedis, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(sha, keys, args);
        } catch (JedisDataException e) {
            if (!unknown(e)) {
                throw e;
            }
            return jedis.eval(source, keys, args);
        }
    }

    /** Queues the script by its digest in a transaction or a pipeline. */
    public Response<Object> queue(PipeliningBase pipeline, List<String> keys, List<String> args) {
        return pipeline.evalsha(sha, keys, args);
    }

    /** Whether this error says that the server does not know the script (NOSCRIPT). */
    static boolean unknown(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
