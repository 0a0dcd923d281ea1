package org.passerelle.connectors.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisLease;
import org.passerelle.core.store.RedisScript;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The Telegram updates polled by the lease holder, on their way to every instance's intake: a
 * Redis stream read through one consumer group, each update's JSON sealed with the texts' key
 * (it holds her chat id and her words). The next offset to ask Telegram for is kept beside it and
 * moved in the same script that appends, and only while the appender holds the polling lease, so
 * that a new holder goes on exactly where the stream stops. An update leaves the stream as soon
 * as an instance took it. The stream is never cut short: when as many updates as its bound wait
 * in it untaken (no instance reads, or all read slowly), appending is refused and the offset stays
 * where it is, so that Telegram keeps the newer updates until there is room again. What waits
 * longer than the retention period is dropped.
 */
final class UpdateStream {

    static final String GROUP = "intake";

    // KEYS: lease, stream, offset; ARGV: token, bound, next offset, then the sealed updates.
    // Returns 0 when the lease is another's, 2 when the stream is full, 1 once appended.
    private static final RedisScript APPEND = new RedisScript("""
            if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
            if #ARGV >= 4 and redis.call('xlen', KEYS[2]) >= tonumber(ARGV[2]) then return 2 end
            for i = 4, #ARGV do
              redis.call('xadd', KEYS[2], '*', 'u', ARGV[i])
            end
            local current = tonumber(redis.call('get', KEYS[3]) or '0')
            if tonumber(ARGV[3]) > current then redis.call('set', KEYS[3], ARGV[3]) end
            return 1
            """);

    private final RedisStore store;
    private final AddressSealer texts;
    private final TelegramSettings.Polling settings;
    private final Clock clock;
    private volatile boolean groupReady;

    /** What became of a batch passed to {@link #append}. */
    enum Appended {
        /** In the stream, and the offset moved past it. */
        APPENDED,
        /** Another instance holds the polling lease: nothing appended, the offset unmoved. */
        LEASE_LOST,
        /** The stream holds as many updates as its bound: nothing appended, the offset unmoved. */
        FULL
    }

    /** One update read from the stream: its entry id, and its JSON once opened, or null if it does not open. */
    record Entry(StreamEntryID id, String json) {
    }

    /** The polling lease, in the same Redis Cluster slot as the stream and the offset. */
    static RedisLease lease(RedisStore store, Duration duration) {
        return new RedisLease(store, store.key("{telegram}", "poller"), duration);
    }

    UpdateStream(RedisStore store, AddressSealer texts, TelegramSettings.Polling settings, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Appends updates and moves the offset past them, if the appender still holds the polling
     * lease and fewer updates than the bound wait in the stream (a batch may take it a little past
     * the bound).
     *
     * @param lease      the appender's lease
     * @param jsons      the updates, in Telegram's order
     * @param nextOffset the offset that acknowledges them all at Telegram
     * @return what became of them; all or nothing
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    Appended append(RedisLease lease, List<String> jsons, int nextOffset) {
        var args = new ArrayList<String>(jsons.size() + 3);
        args.add(lease.token());
        args.add(Integer.toString(settings.streamMaxLength()));
        args.add(Integer.toString(nextOffset));
        jsons.forEach(json -> args.add(texts.seal(json)));
        var keys = List.of(lease.key(), streamKey(), offsetKey());
        Object answer = APPEND.run(store, keys, args);
        if (Long.valueOf(1).equals(answer)) {
            return Appended.APPENDED;
        }
        return Long.valueOf(2).equals(answer) ? Appended.FULL : Appended.LEASE_LOST;
    }

    /**
     * Whether the stream holds fewer updates than its bound, so that a batch may be appended.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    boolean hasRoom() {
        return store.<Long>call(jedis -> jedis.xlen(streamKey())) < settings.streamMaxLength();
    }

    /**
     * The offset to ask Telegram for next, or none before the first update.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    OptionalInt offset() {
        var value = store.call(jedis -> jedis.get(offsetKey()));
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }

    /**
     * Reads the next updates for this consumer: first those another consumer left unacknowledged
     * for longer than the claim delay (or this one, after a failure), else new ones, waiting up to
     * {@code block} for them.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    List<Entry> read(String consumer, int count, Duration block) {
        ensureGroup();
        try {
            List<StreamEntry> claimed = store.call(jedis -> jedis.xautoclaim(streamKey(), GROUP, consumer,
                    settings.claimIdle().toMillis(), StreamEntryID.MINIMUM_ID,
                    XAutoClaimParams.xAutoClaimParams().count(count))).getValue();
            if (claimed.contains(null)) {
                // Pending updates that left the stream meanwhile (past their retention)
                // come back empty, at every read until they are taken off the pending list.
                store.releaseVanished(streamKey(), GROUP, 1_000, "telegram update stream");
                claimed = claimed.stream().filter(Objects::nonNull).toList();
            }
            if (!claimed.isEmpty()) {
                return opened(claimed);
            }
            var fresh = store.call(jedis -> jedis.xreadGroup(GROUP, consumer,
                    XReadGroupParams.xReadGroupParams().count(count).block((int) block.toMillis()),
                    Map.of(streamKey(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)));
            var entries = new ArrayList<StreamEntry>();
            if (fresh != null) {
                fresh.forEach(stream -> entries.addAll(stream.getValue()));
            }
            return opened(entries);
        } catch (RuntimeException e) {
            // The stream may have gone with its group (Redis emptied): create it again next time.
            groupReady = false;
            throw e;
        }
    }

    /**
     * Done with an update: it leaves the group's pending list and the stream, sealed text and all.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    void ack(StreamEntryID id) {
        store.call(jedis -> {
            try (var tx = jedis.multi()) {
                tx.xack(streamKey(), GROUP, id);
                tx.xdel(streamKey(), id);
                return tx.exec();
            }
        });
    }

    /**
     * Drops what waited longer than the retention period.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    void trim() {
        var oldest = (clock.millis() - settings.retention().toMillis()) + "-0";
        store.call(jedis -> jedis.xtrim(streamKey(), XTrimParams.xTrimParams().minId(oldest)));
    }

    String streamKey() {
        return store.key("{telegram}", "updates");
    }

    String offsetKey() {
        return store.key("{telegram}", "offset");
    }

    private List<Entry> opened(List<StreamEntry> entries) {
        var opened = new ArrayList<Entry>(entries.size());
        for (var entry : entries) {
            var sealed = entry.getFields().get("u");
            String json;
            try {
                json = sealed == null ? null : texts.open(sealed);
            } catch (RuntimeException unreadable) {
                // Sealed under a key no longer in the ring, or damaged: no retry will open it.
                json = null;
            }
            opened.add(new Entry(entry.getID(), json));
        }
        return opened;
    }

    private void ensureGroup() {
        if (groupReady) {
            return;
        }
        store.createGroup(streamKey(), GROUP);
        groupReady = true;
    }
}
