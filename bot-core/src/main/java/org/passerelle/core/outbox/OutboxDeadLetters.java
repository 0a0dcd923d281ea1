package org.passerelle.core.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;
import redis.clients.jedis.params.XAddParams;

/**
 * The replies given up on, in their own stream {@code outbox:dead}: which message of which
 * conversation on which channel, why and after how many attempts; never the address or the text.
 */
final class OutboxDeadLetters {

    private static final long MAX_LENGTH = 100_000;

    private final RedisStore store;
    private final Clock clock;

    OutboxDeadLetters(RedisStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Adds a dead letter for the entry with these fields to a batch of writes. */
    Map<String, String> add(Map<String, String> fields, String reason, int attempts, WriteBatch batch) {
        var dead = new HashMap<String, String>();
        dead.put("id", fields.getOrDefault("id", "?"));
        dead.put("conv", fields.getOrDefault("conv", "?"));
        dead.put("channel", fields.getOrDefault("channel", "?"));
        dead.put("reason", reason);
        dead.put("attempts", Integer.toString(attempts));
        dead.put("at", Long.toString(clock.millis()));
        var key = key();
        batch.add(tx -> tx.xadd(key, XAddParams.xAddParams().maxLen(MAX_LENGTH).approximateTrimming(), dead));
        return dead;
    }

    /** The oldest dead letters, at most this many. */
    List<DeadLetter> read(int max) {
        var entries = store.call(jedis -> jedis.xrange(key(), "-", "+", max));
        return entries.stream().map(e -> new DeadLetter(e.getFields().get("id"), e.getFields().get("conv"),
                e.getFields().get("channel"), e.getFields().get("reason"),
                Integer.parseInt(e.getFields().getOrDefault("attempts", "0")))).toList();
    }

    String key() {
        return store.key("outbox", "dead");
    }
}
