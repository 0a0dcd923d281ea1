package org.passerelle.core.content;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.core.store.RedisStore;
import redis.clients.jedis.Response;

/**
 * Directory drafts in Redis: one hash per entry key ({@code content:directory:draft:{key}}) and a
 * set that lists them ({@code content:directory:drafts}). Like topic drafts, each save gets a new
 * stamp, so that a publish removes only the drafts it actually took in.
 */
final class DirectoryDrafts {

    /** A draft with the stamp of its last save. */
    record Stamped(DirectoryDraft draft, String stamp) {
    }

    private static final String VALUE = "value";
    private static final String VALUE_IN = "value:";

    private final RedisStore store;
    private final Clock clock;

    DirectoryDrafts(RedisStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Saves the entry as it should read, or its removal when {@code entry} is null. */
    DirectoryDraft save(String key, DirectoryEntry entry, String author) {
        var now = clock.instant();
        var fields = new HashMap<String, String>();
        fields.put("remove", entry == null ? "1" : "0");
        if (entry != null) {
            if (entry.common() != null) {
                fields.put(VALUE, entry.common());
            }
            entry.values().forEach((language, value) -> fields.put(VALUE_IN + language.code(), value));
            fields.put("confirmed", entry.confirmed() ? "1" : "0");
            fields.put("note", entry.note());
        }
        fields.put("author", author == null ? "" : author);
        fields.put("updatedAt", Long.toString(now.toEpochMilli()));
        fields.put("stamp", UUID.randomUUID().toString());
        var hash = hash(key);
        store.call(jedis -> {
            try (var tx = jedis.multi()) {
                tx.del(hash);
                tx.hset(hash, fields);
                tx.sadd(setKey(), key);
                return tx.exec();
            }
        });
        return new DirectoryDraft(key, entry, fields.get("author"), now);
    }

    /** Every draft, by key; their hashes read in one round trip. */
    List<Stamped> all() {
        var keys = new ArrayList<>(store.call(jedis -> jedis.smembers(setKey())));
        if (keys.isEmpty()) {
            return List.of();
        }
        keys.sort(null);
        List<Map<String, String>> hashes = store.call(jedis -> {
            try (var pipeline = jedis.pipelined()) {
                var replies = keys.stream().map(key -> pipeline.hgetAll(hash(key))).toList();
                pipeline.sync();
                return replies.stream().map(Response::get).toList();
            }
        });
        var drafts = new ArrayList<Stamped>();
        for (int i = 0; i < keys.size(); i++) {
            stamped(keys.get(i), hashes.get(i)).ifPresent(drafts::add);
        }
        return drafts;
    }

    Optional<Stamped> get(String key) {
        return stamped(key, store.call(jedis -> jedis.hgetAll(hash(key))));
    }

    private static Optional<Stamped> stamped(String key, Map<String, String> fields) {
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        DirectoryEntry entry = null;
        if (!"1".equals(fields.get("remove"))) {
            var values = new EnumMap<Language, String>(Language.class);
            fields.forEach((name, value) -> {
                if (name.startsWith(VALUE_IN)) {
                    Language.fromCode(name.substring(VALUE_IN.length())).ifPresent(l -> values.put(l, value));
                }
            });
            entry = new DirectoryEntry(key, fields.get(VALUE), values, "1".equals(fields.get("confirmed")),
                    fields.getOrDefault("note", ""));
        }
        var draft = new DirectoryDraft(key, entry, fields.get("author"),
                Instant.ofEpochMilli(Long.parseLong(fields.get("updatedAt"))));
        return Optional.of(new Stamped(draft, fields.get("stamp")));
    }

    boolean discard(String key) {
        long removed = store.call(jedis -> {
            jedis.srem(setKey(), key);
            return jedis.del(hash(key));
        });
        return removed > 0;
    }

    ContentVersions.Consumed consumed(Stamped stamped) {
        var key = stamped.draft().key();
        return new ContentVersions.Consumed(hash(key), stamped.stamp(), setKey(), key);
    }

    private String hash(String key) {
        return store.key("content", "directory", "draft", key);
    }

    private String setKey() {
        return store.key("content", "directory", "drafts");
    }
}
