package org.passerelle.app;

import java.net.URI;
import org.passerelle.core.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one Redis client: to the server at {@code passerelle.redis.url}, to the master named by
 * Sentinel, to a cluster, or to an embedded server started here when none is set (see
 * {@link RedisMode}). Checked at start, so that a Redis that cannot be reached stops the start
 * with one clear line.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean
    RedisMode redisMode(RedisSettings redis) {
        return RedisMode.of(redis);
    }

    @Bean(destroyMethod = "close")
    EmbeddedRedisHolder embeddedRedis(RedisMode mode, PasserelleSettings settings) {
        return new EmbeddedRedisHolder(mode instanceof RedisMode.Embedded ? EmbeddedRedis.start(settings.dataDir()) : null);
    }

    @Bean(destroyMethod = "close")
    RedisStore redisStore(RedisSettings redis, RedisMode mode, EmbeddedRedisHolder embedded) {
        var jedis = RedisClients.open(mode, redis, embedded.server() == null ? 0 : embedded.server().port());
        // A cluster's MULTI…EXEC goes to the node of the prefix's slot, where every key is.
        var store = jedis instanceof RedisClusterClient cluster
                ? cluster.store(redis.keyPrefix())
                : new RedisStore(jedis, redis.keyPrefix());
        if (!store.ping()) {
            store.close();
            throw new StartupException("Redis at " + mode.where() + " cannot be reached",
                    "Start that Redis, correct passerelle.redis.*, or unset them all to use the embedded server.",
                    null);
        }
        log.info("Redis connected: {}, {} mode (key prefix '{}')", mode.where(), mode.name(), redis.keyPrefix());
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
