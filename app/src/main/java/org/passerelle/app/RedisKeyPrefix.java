package org.passerelle.app;

/**
 * The key prefix in cluster mode. Passerelle's scripts and transactions touch several keys at
 * once (a conversation's state, the outbox stream, the day's counters), and a cluster only runs
 * those when all their keys hash to one slot. A hash tag in the prefix, the part between the
 * first {@code {} and the next {@code }}, makes Redis hash every key on that part alone.
 */
final class RedisKeyPrefix {

    private RedisKeyPrefix() {
    }

    /**
     * The hash tag of this prefix, as Redis Cluster reads it: the text between the first
     * {@code {} and the first {@code }} after it, when not empty; else null.
     */
    static String hashTag(String prefix) {
        int open = prefix.indexOf('{');
        if (open < 0) {
            return null;
        }
        int close = prefix.indexOf('}', open + 1);
        return close > open + 1 ? prefix.substring(open + 1, close) : null;
    }

    /**
     * Checks that every key under this prefix falls in one slot.
     *
     * @throws StartupException when the prefix has no non-empty hash tag
     */
    static void requireHashTag(String prefix) {
        if (hashTag(prefix) == null) {
            throw new StartupException("passerelle.redis.key-prefix '" + prefix + "' has no hash tag, which a "
                    + "Redis Cluster needs to keep Passerelle's keys in one slot",
                    "Put a non-empty hash tag in braces in the prefix, e.g. '" + RedisSettings.DEFAULT_CLUSTER_PREFIX
                            + "' (the default in cluster mode), or leave passerelle.redis.key-prefix unset.", null);
        }
    }
}
