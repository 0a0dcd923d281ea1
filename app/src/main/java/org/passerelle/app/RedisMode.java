package org.passerelle.app;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Which Redis Passerelle uses, read from {@link RedisSettings} and checked once at start:
 * an embedded server, one server at a URL, a master found through Sentinel, or a cluster.
 */
sealed interface RedisMode {

    /** The name shown in health details and logs. */
    String name();

    /** Where, without any password, for logs and messages. */
    String where();

    /** Passerelle's own embedded server. */
    record Embedded() implements RedisMode {

        @Override
        public String name() {
            return "embedded";
        }

        @Override
        public String where() {
            return "the embedded server";
        }
    }

    /** One server at a URL. */
    record Standalone(URI url) implements RedisMode {

        @Override
        public String name() {
            return "standalone";
        }

        @Override
        public String where() {
            return RedisConfiguration.redacted(url);
        }
    }

    /** The master that the Sentinels name, followed through failovers. */
    record Sentinel(String master, Set<HostAndPort> sentinels) implements RedisMode {

        @Override
        public String name() {
            return "sentinel";
        }

        @Override
        public String where() {
            return "master '" + master + "' of the Sentinels " + sentinels;
        }
    }

    /** A Redis Cluster, reached through some of its nodes. */
    record Cluster(Set<HostAndPort> nodes) implements RedisMode {

        @Override
        public String name() {
            return "cluster";
        }

        @Override
        public String where() {
            return "the cluster of " + nodes;
        }
    }

    /**
     * The one mode these settings ask for.
     *
     * @throws StartupException when more than one mode is set, a part of one is missing or
     *                          malformed, or the key prefix cannot keep a cluster's keys in one slot
     */
    static RedisMode of(RedisSettings settings) {
        var sentinel = settings.sentinel() != null && settings.sentinel().isSet();
        var cluster = settings.cluster() != null && settings.cluster().isSet();
        var chosen = new ArrayList<String>();
        if (settings.urlSet()) {
            chosen.add("passerelle.redis.url");
        }
        if (sentinel) {
            chosen.add("passerelle.redis.sentinel.*");
        }
        if (cluster) {
            chosen.add("passerelle.redis.cluster.nodes");
        }
        if (chosen.size() > 1) {
            throw new StartupException("more than one Redis is configured: " + String.join(", ", chosen),
                    "Set only one of passerelle.redis.url, passerelle.redis.sentinel.* and "
                            + "passerelle.redis.cluster.nodes (none starts the embedded server).", null);
        }
        if (sentinel) {
            return sentinel(settings.sentinel());
        }
        if (cluster) {
            RedisKeyPrefix.requireHashTag(settings.keyPrefix());
            return new Cluster(nodes("passerelle.redis.cluster.nodes", settings.cluster().nodes()));
        }
        if (settings.urlSet()) {
            if (!JedisURIHelper.isValid(settings.url())) {
                throw new StartupException("passerelle.redis.url " + RedisConfiguration.redacted(settings.url())
                        + " is not a Redis URL",
                        "Use redis://[user:password@]host:port[/db] or rediss://… for TLS.", null);
            }
            return new Standalone(settings.url());
        }
        return new Embedded();
    }

    private static Sentinel sentinel(RedisSettings.Sentinel settings) {
        if (settings.master() == null || settings.master().isBlank()) {
            throw new StartupException("passerelle.redis.sentinel.nodes is set but not passerelle.redis.sentinel.master",
                    "Set passerelle.redis.sentinel.master to the name the Sentinels monitor the master under "
                            + "(their 'sentinel monitor <name> …' line).", null);
        }
        return new Sentinel(settings.master().strip(), nodes("passerelle.redis.sentinel.nodes", settings.nodes()));
    }

    /** Parses {@code host:port} entries; IPv6 hosts are written in brackets, {@code [::1]:26379}. */
    static Set<HostAndPort> nodes(String property, List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new StartupException(property + " is empty",
                    "List the nodes as host:port, separated by commas.", null);
        }
        var nodes = new LinkedHashSet<HostAndPort>();
        for (var entry : entries) {
            nodes.add(node(property, entry == null ? "" : entry.strip()));
        }
        return Collections.unmodifiableSet(nodes);
    }

    private static HostAndPort node(String property, String entry) {
        int colon = entry.lastIndexOf(':');
        var host = colon > 0 ? entry.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = colon > 0 ? Integer.parseInt(entry.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new StartupException(property + " has '" + entry + "', which is not host:port",
                    "Write each node as host:port (e.g. redis-1.internal:26379), separated by commas.", null);
        }
        return new HostAndPort(host, port);
    }
}
