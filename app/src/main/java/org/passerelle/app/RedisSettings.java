package org.passerelle.app;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Passerelle reaches Redis ({@code passerelle.redis.*}). At most one of {@code url},
 * {@code sentinel} and {@code cluster} is set; none means an embedded server. Which one is
 * checked by {@link RedisMode#of(RedisSettings)}.
 *
 * @param url            {@code redis://[user:password@]host:port[/db]} or {@code rediss://…};
 *                       unset, an embedded server is started on a free loopback port
 * @param keyPrefix      put before every key, so that several deployments can share a server;
 *                       {@code passerelle:} by default, {@code {passerelle}:} in cluster mode,
 *                       where it must hold a hash tag
 * @param poolMaxTotal   most connections in the pool (per node in cluster mode)
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout  how long to wait for an answer
 * @param sentinel       the Sentinels that name the current master, for a replicated Redis
 * @param cluster        the seed nodes of a Redis Cluster
 */
@ConfigurationProperties("passerelle.redis")
public record RedisSettings(
        URI url,
        String keyPrefix,
        @DefaultValue("32") int poolMaxTotal,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("2s") Duration socketTimeout,
        Sentinel sentinel,
        Cluster cluster) {

    /** The prefix when none is set, outside cluster mode. */
    public static final String DEFAULT_PREFIX = "passerelle:";

    /** The prefix when none is set in cluster mode: its hash tag keeps every key in one slot. */
    public static final String DEFAULT_CLUSTER_PREFIX = "{passerelle}:";

    /** Fills the prefix that fits the mode when none is set. */
    @ConstructorBinding
    public RedisSettings {
        if (keyPrefix == null || keyPrefix.isEmpty()) {
            keyPrefix = cluster != null && cluster.isSet() ? DEFAULT_CLUSTER_PREFIX : DEFAULT_PREFIX;
        }
    }

    /** One server at a URL, or the embedded one when {@code url} is null. */
    public RedisSettings(URI url, String keyPrefix, int poolMaxTotal, Duration connectTimeout,
            Duration socketTimeout) {
        this(url, keyPrefix, poolMaxTotal, connectTimeout, socketTimeout, null, null);
    }

    /** Whether Passerelle starts its own embedded Redis: no URL, no Sentinel, no cluster given. */
    public boolean embedded() {
        return !urlSet() && (sentinel == null || !sentinel.isSet()) && (cluster == null || !cluster.isSet());
    }

    boolean urlSet() {
        return url != null && !url.toString().isBlank();
    }

    /**
     * Redis behind Sentinel ({@code passerelle.redis.sentinel.*}): the Sentinels are asked for
     * the current master and tell when another one is promoted.
     *
     * @param master           the name the Sentinels monitor the master under
     * @param nodes            the Sentinels, each {@code host:port}
     * @param user             the ACL user on the master and its replicas, if any
     * @param password         the password of the master and its replicas, if any
     * @param sentinelUser     the ACL user on the Sentinels themselves, if any
     * @param sentinelPassword the password of the Sentinels themselves, if any
     */
    public record Sentinel(String master, List<String> nodes, String user, String password, String sentinelUser,
            String sentinelPassword) {

        /** Whether any of it is given. */
        public boolean isSet() {
            return (master != null && !master.isBlank()) || (nodes != null && !nodes.isEmpty());
        }
    }

    /**
     * A Redis Cluster ({@code passerelle.redis.cluster.*}).
     *
     * @param nodes    some of the cluster's nodes, each {@code host:port}; the rest are discovered
     * @param user     the ACL user on the nodes, if any
     * @param password the password of the nodes, if any
     */
    public record Cluster(List<String> nodes, String user, String password) {

        /** Whether any node is given. */
        public boolean isSet() {
            return nodes != null && !nodes.isEmpty();
        }
    }
}
