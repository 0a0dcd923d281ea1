package org.passerelle.core.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The audit log in Redis: one stream, {@code audit} after the store prefix, whose entry ids are
 * the time of the store. Each write drops what is older than the retention period and what is
 * beyond the length cap (staff actions are few, so trimming is exact), and reads never return
 * what is older than the retention period. Thread-safe.
 *
 * <p>Every method may throw {@link org.passerelle.core.store.StoreUnavailableException} when
 * Redis fails.
 */
public final class AuditLog {

    /** The most entries one read returns. */
    public static final int MAX_READ = 10_000;

    private static final String USER = "user";
    private static final String ROLE = "role";
    private static final String ACTION = "action";
    private static final String STATUS = "status";
    private static final String VARIABLE = "var:";

    private final RedisStore store;
    private final Duration retention;
    private final long maxLength;
    private final Clock clock;

    /**
     * @param store     the Redis store
     * @param retention how long an entry is kept, positive
     * @param maxLength the most entries kept, at least 1
     * @param clock     the clock that says which entries are past the retention period
     */
    public AuditLog(RedisStore store, Duration retention, long maxLength, Clock clock) {
        if (retention.isNegative() || retention.isZero() || maxLength < 1) {
            throw new IllegalArgumentException("retention must be positive and maxLength at least 1");
        }
        this.store = store;
        this.retention = retention;
        this.maxLength = maxLength;
        this.clock = clock;
    }

    /** Appends an entry, timed by the store (the entry's own time is ignored). */
    public void record(AuditEntry entry) {
        var fields = new LinkedHashMap<String, String>();
        fields.put(USER, entry.username());
        fields.put(ROLE, entry.role());
        fields.put(ACTION, entry.action());
        if (entry.status() != null) {
            fields.put(STATUS, entry.status().toString());
        }
        entry.variables().forEach((name, value) -> fields.put(VARIABLE + name, value));
        var key = key();
        store.call(jedis -> {
            jedis.xadd(key, XAddParams.xAddParams().maxLen(maxLength), fields);
            // Redis 6.2 takes one trimming strategy per command: the length above, the age here.
            return jedis.xtrim(key, XTrimParams.xTrimParams().minId(Long.toString(oldestKept())));
        });
    }

    /**
     * The entries recorded from {@code from} (inclusive) to {@code to} (exclusive), oldest first,
     * at most {@code limit} of them.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the limit is
     *                                  not between 1 and {@link #MAX_READ}
     */
    public List<AuditEntry> between(Instant from, Instant to, int limit) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' is before 'from'");
        }
        if (limit < 1 || limit > MAX_READ) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_READ);
        }
        long start = Math.max(from.toEpochMilli(), oldestKept());
        long end = to.toEpochMilli() - 1;
        if (end < start) {
            return List.of();
        }
        var key = key();
        List<StreamEntry> entries = store.call(jedis -> jedis.xrange(key, new StreamEntryID(start, 0),
                new StreamEntryID(end, Long.MAX_VALUE), limit));
        var result = new ArrayList<AuditEntry>(entries.size());
        entries.forEach(entry -> result.add(decode(entry)));
        return result;
    }

    private static AuditEntry decode(StreamEntry entry) {
        var fields = entry.getFields();
        var variables = new LinkedHashMap<String, String>();
        fields.forEach((name, value) -> {
            if (name.startsWith(VARIABLE)) {
                variables.put(name.substring(VARIABLE.length()), value);
            }
        });
        var status = fields.get(STATUS);
        return new AuditEntry(Instant.ofEpochMilli(entry.getID().getTime()), fields.getOrDefault(USER, ""),
                fields.get(ROLE), fields.getOrDefault(ACTION, ""), variables,
                status == null ? null : Integer.valueOf(status));
    }

    private long oldestKept() {
        return clock.instant().minus(retention).toEpochMilli();
    }

    private String key() {
        return store.key("audit");
    }

    /** For tests: the number of entries in the stream now. */
    long length() {
        return store.call(jedis -> jedis.xlen(key()));
    }
}
