package org.passerelle.core.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.content.Language;
import org.passerelle.core.barriers.BarrierMemory;
import org.passerelle.core.booking.Nicknames;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.store.RedisStore;

/**
 * Reads and writes the state of a conversation: one Redis hash that expires after retention. The
 * nickname of a booking draft is sealed in it.
 */
final class ConversationStore {

    private final RedisStore store;
    private final Duration retention;
    private final Nicknames nicknames;

    /** @param nicknames seals the nickname of a booking draft; null where nothing is booked */
    ConversationStore(RedisStore store, Duration retention, Nicknames nicknames) {
        this.store = store;
        this.retention = retention;
        this.nicknames = nicknames;
    }

    Optional<ConversationState> load(String conversationId) {
        Map<String, String> fields = store.call(jedis -> jedis.hgetAll(key(conversationId)));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConversationState(
                    Language.fromCode(fields.get("language")).orElse(null),
                    Step.valueOf(fields.get("step")),
                    fields.get("topic"),
                    HandoffState.valueOf(fields.get("handoff")),
                    Integer.parseInt(fields.getOrDefault("misses", "0")),
                    Channel.fromId(fields.get("channel")).orElse(Channel.WEBCHAT),
                    Instant.ofEpochMilli(Long.parseLong(fields.get("last"))),
                    fields.getOrDefault("choices", "").isEmpty() ? List.of()
                            : List.of(fields.get("choices").split(" ")),
                    fields.containsKey("switchOffered"),
                    fields.containsKey("stopped"),
                    draft(fields),
                    BarrierMemory.decode(fields.get("barriers"))));
        } catch (RuntimeException unreadable) {
            // A state written by another version, or damaged: start the conversation afresh.
            return Optional.empty();
        }
    }

    private BookingDraft draft(Map<String, String> fields) {
        var slotId = fields.get("draftSlot");
        if (slotId == null) {
            return null;
        }
        var nickname = nicknames == null ? null : nicknames.open(fields.get("draftNickname")).orElse(null);
        return new BookingDraft(slotId, nickname, Language.fromCode(fields.get("draftLanguage")).orElse(null));
    }

    boolean exists(String conversationId) {
        return store.call(jedis -> jedis.exists(key(conversationId)));
    }

    /** Marks a kept conversation as stopped; does nothing for one that is gone. */
    void markStopped(String conversationId) {
        var key = key(conversationId);
        store.call(jedis -> jedis.exists(key) ? jedis.hset(key, "stopped", "1") : 0L);
    }

    /** Deletes the state of a conversation. */
    void erase(String conversationId) {
        store.call(jedis -> jedis.del(key(conversationId)));
    }

    void save(String conversationId, ConversationState state) {
        var fields = new HashMap<String, String>();
        fields.put("step", state.step().name());
        fields.put("handoff", state.handoff().name());
        fields.put("misses", Integer.toString(state.misses()));
        fields.put("channel", state.channel().id());
        fields.put("last", Long.toString(state.lastActivity().toEpochMilli()));
        if (state.language() != null) {
            fields.put("language", state.language().code());
        }
        if (state.topicId() != null) {
            fields.put("topic", state.topicId());
        }
        if (!state.choices().isEmpty()) {
            fields.put("choices", String.join(" ", state.choices()));
        }
        if (state.switchOffered()) {
            fields.put("switchOffered", "1");
        }
        if (state.stopped()) {
            fields.put("stopped", "1");
        }
        putDraft(fields, state.draft());
        if (!state.barriers().isEmpty()) {
            fields.put("barriers", state.barriers().encode());
        }
        var key = key(conversationId);
        store.call(jedis -> {
            try (var tx = jedis.multi()) {
                tx.del(key);
                tx.hset(key, fields);
                tx.expire(key, retention.toSeconds());
                return tx.exec();
            }
        });
    }

    private void putDraft(Map<String, String> fields, BookingDraft draft) {
        if (draft == null) {
            return;
        }
        fields.put("draftSlot", draft.slotId());
        if (draft.nickname() != null && nicknames != null) {
            fields.put("draftNickname", nicknames.seal(draft.nickname()));
        }
        if (draft.interpreter() != null) {
            fields.put("draftLanguage", draft.interpreter().code());
        }
    }

    private String key(String conversationId) {
        return store.key("conv", conversationId);
    }
}
