package org.passerelle.app;

import java.net.URI;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/** Opens the Jedis client that fits the {@link RedisMode}, with the pool and timeouts of the settings. */
final class RedisClients {

    private RedisClients() {
    }

    /**
     * A pooled client for this mode; for the embedded mode, to the server on {@code embeddedPort}.
     *
     * @throws StartupException when the Sentinels or the cluster cannot be reached to find the nodes
     */
    static UnifiedJedis open(RedisMode mode, RedisSettings settings, int embeddedPort) {
        var pool = pool(settings);
        try {
            if (mode instanceof RedisMode.Sentinel sentinel) {
                var given = settings.sentinel();
                return new JedisSentineled(sentinel.master(), client(settings, given.user(), given.password()), pool,
                        sentinel.sentinels(), client(settings, given.sentinelUser(), given.sentinelPassword()));
            }
            if (mode instanceof RedisMode.Cluster cluster) {
                var given = settings.cluster();
                return new RedisClusterClient(cluster.nodes(), client(settings, given.user(), given.password()), pool,
                        settings.keyPrefix());
            }
            var url = mode instanceof RedisMode.Standalone standalone ? standalone.url()
                    : URI.create("redis://127.0.0.1:" + embeddedPort);
            return new JedisPooled(pool, url, millis(settings.connectTimeout()), millis(settings.socketTimeout()));
        } catch (JedisException e) {
            throw new StartupException("Redis at " + mode.where() + " cannot be reached (" + e.getMessage() + ")",
                    "Start those nodes, or correct passerelle.redis.* (and the credentials), then start again.", e);
        }
    }

    private static GenericObjectPoolConfig<Connection> pool(RedisSettings settings) {
        var pool = new GenericObjectPoolConfig<Connection>();
        pool.setMaxTotal(settings.poolMaxTotal());
        pool.setMaxIdle(settings.poolMaxTotal());
        pool.setJmxEnabled(false);
        return pool;
    }

    private static JedisClientConfig client(RedisSettings settings, String user, String password) {
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(settings.connectTimeout()))
                .socketTimeoutMillis(millis(settings.socketTimeout()))
                .user(blankToNull(user))
                .password(blankToNull(password))
                .build();
    }

    private static int millis(Duration duration) {
        return (int) duration.toMillis();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
