package org.passerelle.app;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A cluster client for keys that all share one hash slot, as Passerelle's do in cluster mode
 * (see {@link RedisKeyPrefix}). Commands, scripts and pipelines go through {@link JedisCluster}
 * as usual. Transactions, which {@code JedisCluster} refuses, run on a connection to the node
 * that serves the prefix's slot: since every key a transaction touches is in that slot, the
 * node can run all of it.
 */
class RedisClusterClient extends JedisCluster {

    private static final int MAX_ATTEMPTS = 5;

    private final int slot;

    /**
     * @param nodes  some of the cluster's nodes
     * @param client timeouts and credentials for every node
     * @param pool   the pool settings for each node
     * @param prefix the key prefix; its hash tag names the slot of every key
     */
    RedisClusterClient(Set<HostAndPort> nodes, JedisClientConfig client, GenericObjectPoolConfig<Connection> pool,
            String prefix) {
        super(nodes, client, MAX_ATTEMPTS, maxRetryTime(client), pool);
        this.slot = JedisClusterCRC16.getSlot(prefix);
    }

    /** The slot of every key under the prefix. */
    int slot() {
        return slot;
    }

    /** A store on this cluster whose one-server pipelines go to the node of the prefix's slot. */
    RedisStore store(String prefix) {
        return new RedisStore(this, prefix, unused -> slotPipeline());
    }

    /**
     * A plain pipeline on the node that serves the slot, for a {@code MULTI}…{@code EXEC} written
     * at once: a cluster pipeline cannot route {@code MULTI}, which has no key.
     */
    Pipeline slotPipeline() {
        return new Pipeline(connection(), true);
    }

    @Override
    public AbstractTransaction transaction(boolean doMulti) {
        return new SlotTransaction(connection(), doMulti);
    }

    private Connection connection() {
        try {
            return getConnectionFromSlot(slot);
        } catch (JedisException e) {
            // The node that served the slot may be gone after a failover: ask the cluster again, once.
            clusterProvider().renewSlotCache();
            return getConnectionFromSlot(slot);
        }
    }

    private ClusterConnectionProvider clusterProvider() {
        return (ClusterConnectionProvider) provider;
    }

    private static Duration maxRetryTime(JedisClientConfig client) {
        return Duration.ofMillis((long) MAX_ATTEMPTS * client.getSocketTimeoutMillis());
    }

    /** A transaction on the slot's node; a failed EXEC refreshes the slot map for the next one. */
    private final class SlotTransaction extends Transaction {

        SlotTransaction(Connection connection, boolean doMulti) {
            super(connection, doMulti, true);
        }

        @Override
        public List<Object> exec() {
            try {
                return super.exec();
            } catch (JedisException e) {
                renewQuietly();
                throw e;
            }
        }

        private void renewQuietly() {
            try {
                clusterProvider().renewSlotCache();
            } catch (JedisException ignored) {
                // The caller already gets the first failure; the next command tries again.
            }
        }
    }
}
