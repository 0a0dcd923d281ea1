package org.passerelle.core.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.core.booking.Nicknames;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.UnknownKeyException;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the state of a conversation: one Redis hash that expires after retention. With
 * a sealer, the whole state is one field sealed with AES-GCM under the texts' key, so that a dump
 * shows neither her language nor her steps, topics, choices or booking draft; the clear fields
 * that earlier versions wrote still read, and are sealed at the next save.
 */
final class ConversationStore {

    private static final Logger log = LoggerFactory.getLogger(ConversationStore.class);
    private static final String SEALED = "s";
    private static final String SWAP = """
            if redis.call('hget', KEYS[1], 's') == ARGV[1] then
                redis.call('hset', KEYS[1], 's', ARGV[2])
                return 1
            end
            return 0
            """;

    private final RedisStore store;
    private final Duration retention;
    private final Nicknames nicknames;
    private final AddressSealer sealer;

    /**
     * @param nicknames opens the nickname of a booking draft kept in clear form; null where
     *                  nothing is booked
     * @param sealer    seals the whole state (the texts' sealer); null keeps it in clear fields,
     *                  the nickname sealed by {@code nicknames} (engines of dialogue tests only)
     */
    ConversationStore(RedisStore store, Duration retention, Nicknames nicknames, AddressSealer sealer) {
        this.store = store;
        this.retention = retention;
        this.nicknames = nicknames;
        this.sealer = sealer;
    }

    Optional<ConversationState> load(String conversationId) {
        return read(conversationId, store.call(jedis -> jedis.hgetAll(key(conversationId))));
    }

    /** The state in the fields of her hash, read elsewhere (the turn's first round trip). */
    Optional<ConversationState> read(String conversationId, Map<String, String> fields) {
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (fields.containsKey(SEALED)) {
                var opened = StateCodec.decode(opener().open(fields.get(SEALED)));
                return Optional.of(StateCodec.state(opened, opened.get("draftNickname")));
            }
            var nickname = nicknames == null ? null : nicknames.open(fields.get("draftNickname")).orElse(null);
            return Optional.of(StateCodec.state(fields, nickname));
        } catch (UnknownKeyException retired) {
            log.warn("conversation state unreadable, started afresh conversation={} reason={}", conversationId,
                    retired.getMessage());
            return Optional.empty();
        } catch (RuntimeException unreadable) {
            // A state written by another version, or damaged: start the conversation afresh.
            return Optional.empty();
        }
    }

    private AddressSealer opener() {
        if (sealer == null) {
            throw new IllegalStateException("a sealed state and no sealer");
        }
        return sealer;
    }

    boolean exists(String conversationId) {
        return store.call(jedis -> jedis.exists(key(conversationId)));
    }

    /**
     * Marks a kept conversation as stopped, leaving its time to live as it is (this is not her
     * activity); does nothing for one that is gone. The caller holds the turn lock.
     */
    void markStopped(String conversationId) {
        var state = load(conversationId);
        if (state.isEmpty()) {
            return;
        }
        long left = store.call(jedis -> jedis.pttl(key(conversationId)));
        if (left > 0) {
            write(conversationId, state.get().stopping(), left);
        }
    }

    /** Deletes the state of a conversation. */
    void erase(String conversationId) {
        store.call(jedis -> jedis.del(key(conversationId)));
    }

    /** Keeps the state for another retention period from now: she wrote. */
    void save(String conversationId, ConversationState state) {
        write(conversationId, state, retention.toMillis());
    }

    /** As {@link #save(String, ConversationState)}, written with the other writes of a batch. */
    void save(String conversationId, ConversationState state, WriteBatch batch) {
        write(conversationId, state, retention.toMillis(), batch);
    }

    /**
     * Seals the state again under the current key when it is under an older one (or in the clear
     * form of an earlier version), keeping its time to live; for the re-seal sweep, which holds
     * the turn lock.
     *
     * @return whether it was rewritten
     * @throws IllegalArgumentException when it does not open (an unknown key id)
     */
    boolean reseal(String conversationId) {
        if (sealer == null) {
            return false;
        }
        var key = key(conversationId);
        var sealed = store.<String>call(jedis -> jedis.hget(key, SEALED));
        if (sealed != null) {
            if (sealer.isCurrent(sealed)) {
                return false;
            }
            var resealed = sealer.reseal(sealed);
            // Compare and set: a state that expired or changed meanwhile is not brought back.
            return Long.valueOf(1).equals(store.call(jedis -> jedis.eval(SWAP, List.of(key),
                    List.of(sealed, resealed))));
        }
        var state = load(conversationId);
        long left = store.call(jedis -> jedis.pttl(key));
        if (state.isEmpty() || left <= 0) {
            return false;
        }
        write(conversationId, state.get(), left);
        return true;
    }

    private void write(String conversationId, ConversationState state, long ttlMillis) {
        var batch = new WriteBatch();
        write(conversationId, state, ttlMillis, batch);
        batch.run(store);
    }

    private void write(String conversationId, ConversationState state, long ttlMillis, WriteBatch batch) {
        Map<String, String> fields = StateCodec.fields(state);
        if (sealer != null) {
            fields = Map.of(SEALED, sealer.seal(StateCodec.encode(fields)));
        } else if (fields.containsKey("draftNickname")) {
            if (nicknames == null) {
                fields.remove("draftNickname");
            } else {
                fields.put("draftNickname", nicknames.seal(fields.get("draftNickname")));
            }
        }
        var key = key(conversationId);
        var written = fields;
        batch.add(tx -> {
            tx.del(key);
            tx.hset(key, written);
            tx.pexpire(key, ttlMillis);
        });
    }

    private String key(String conversationId) {
        return store.key("conv", conversationId);
    }
}
