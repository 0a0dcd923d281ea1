package org.passerelle.app;

import java.net.URI;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.passerelle.core.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The one Redis connection pool: to the server at {@code passerelle.redis.url}, or to an
 * embedded server started here when it is unset. Checked at start, so that a Redis that
 * cannot be reached stops the start with one clear line.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedRedisHolder embeddedRedis(RedisSettings redis, PasserelleSettings settings) {
        return new EmbeddedRedisHolder(redis.embedded() ? EmbeddedRedis.start(settings.dataDir()) : null);
    }

    @Bean(destroyMethod = "close")
    RedisStore redisStore(RedisSettings redis, EmbeddedRedisHolder embedded) {
        var uri = embedded.server() != null
                ? URI.create("redis://127.0.0.1:" + embedded.server().port())
                : redis.url();
        if (!JedisURIHelper.isValid(uri)) {
            throw new StartupException("passerelle.redis.url " + redacted(uri) + " is not a Redis URL",
                    "Use redis://[user:password@]host:port[/db] or rediss://… for TLS.", null);
        }
        var pool = new GenericObjectPoolConfig<Connection>();
        pool.setMaxTotal(redis.poolMaxTotal());
        pool.setMaxIdle(redis.poolMaxTotal());
        pool.setJmxEnabled(false);
        var jedis = new JedisPooled(pool, uri, (int) redis.connectTimeout().toMillis(),
                (int) redis.socketTimeout().toMillis());
        var store = new RedisStore(jedis, redis.keyPrefix());
        if (!store.ping()) {
            store.close();
            throw new StartupException("Redis at " + redacted(uri) + " cannot be reached",
                    "Start that Redis, correct passerelle.redis.url, or unset it to use the embedded server.",
                    null);
        }
        log.info("Redis connected at {} (key prefix '{}')", redacted(uri), redis.keyPrefix());
        return store;
    }

    /** The URL without its user and password, for messages and logs. */
    static String redacted(URI uri) {
        if (uri == null) {
            return "(unset)";
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getPath() == null ? "" : uri.getPath());
    }

    /** Holds the embedded server, if one runs, so that it stops after the pool closes. */
    record EmbeddedRedisHolder(EmbeddedRedis server) implements AutoCloseable {

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
