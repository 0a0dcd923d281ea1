package org.passerelle.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;

/**
 * What the outbox keeps about a person and lets go when she erases her conversation: the
 * channel's ids of the messages sent to her that the channel can still take back (Telegram lets
 * a bot delete its messages for 48 hours), kept under her pseudonym for that long, ids only.
 */
final class OutboxErasure {

    /** How long a channel lets a message be taken back. */
    static final Duration WITHDRAWABLE = Duration.ofHours(48);

    private final RedisStore store;
    private final Clock clock;

    OutboxErasure(RedisStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Remembers the channel's ids of messages just sent in her conversation, for 48 hours, with
     * the other writes of the sending.
     */
    void received(String conversation, List<String> receipts, WriteBatch batch) {
        if (receipts.isEmpty()) {
            return;
        }
        var key = key(conversation);
        long now = clock.millis();
        var members = new java.util.HashMap<String, Double>();
        receipts.forEach(id -> members.put(id, (double) now));
        batch.add(tx -> {
            tx.zadd(key, members);
            tx.zremrangeByScore(key, Double.NEGATIVE_INFINITY, now - WITHDRAWABLE.toMillis());
            tx.pexpire(key, WITHDRAWABLE.toMillis());
        });
    }

    /** The ids still young enough to be taken back, oldest first. */
    List<String> receipts(String conversation) {
        long oldest = clock.millis() - WITHDRAWABLE.toMillis();
        return List.copyOf(store.call(jedis -> jedis.zrangeByScore(key(conversation), oldest,
                Double.POSITIVE_INFINITY)));
    }

    /** Forgets the ids kept for her. */
    void forget(String conversation) {
        store.call(jedis -> jedis.del(key(conversation)));
    }

    private String key(String conversation) {
        return store.key("outbox", "receipts", conversation);
    }
}
