package org.passerelle.core.conversation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.content.Language;
import org.passerelle.core.barriers.BarrierMemory;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.handoff.HandoffState;

/**
 * A conversation state as named fields, and those fields as one string to be sealed whole: a
 * version mark, then each field as its name, a colon, its length, a colon and its value, so that
 * any character round-trips. The fields are also the clear form of the hash that earlier
 * versions wrote, which still reads.
 */
final class StateCodec {

    private static final String VERSION = "c1;";

    private StateCodec() {
    }

    /** The fields of a state; the draft's nickname in clear (the whole is sealed afterwards). */
    static Map<String, String> fields(ConversationState state) {
        var fields = new LinkedHashMap<String, String>();
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
        var draft = state.draft();
        if (draft != null) {
            fields.put("draftSlot", draft.slotId());
            if (draft.nickname() != null) {
                fields.put("draftNickname", draft.nickname());
            }
            if (draft.interpreter() != null) {
                fields.put("draftLanguage", draft.interpreter().code());
            }
        }
        if (!state.barriers().isEmpty()) {
            fields.put("barriers", state.barriers().encode());
        }
        return fields;
    }

    /**
     * The state in these fields, the draft's nickname as given.
     *
     * @throws RuntimeException when a field is missing or malformed
     */
    static ConversationState state(Map<String, String> fields, String nickname) {
        var slotId = fields.get("draftSlot");
        var draft = slotId == null ? null
                : new BookingDraft(slotId, nickname, Language.fromCode(fields.get("draftLanguage")).orElse(null));
        return new ConversationState(
                Language.fromCode(fields.get("language")).orElse(null),
                Step.valueOf(fields.get("step")),
                fields.get("topic"),
                HandoffState.valueOf(fields.get("handoff")),
                Integer.parseInt(fields.getOrDefault("misses", "0")),
                Channel.fromId(fields.get("channel")).orElse(Channel.WEBCHAT),
                Instant.ofEpochMilli(Long.parseLong(fields.get("last"))),
                fields.getOrDefault("choices", "").isEmpty() ? List.of() : List.of(fields.get("choices").split(" ")),
                fields.containsKey("switchOffered"),
                fields.containsKey("stopped"),
                draft,
                BarrierMemory.decode(fields.get("barriers")));
    }

    static String encode(Map<String, String> fields) {
        var out = new StringBuilder(VERSION);
        fields.forEach((name, value) -> out.append(name).append(':').append(value.length()).append(':').append(value));
        return out.toString();
    }

    /**
     * The fields in an encoded string.
     *
     * @throws IllegalArgumentException when it is not one; the message never quotes it
     */
    static Map<String, String> decode(String encoded) {
        if (encoded == null || !encoded.startsWith(VERSION)) {
            throw new IllegalArgumentException("the state has an unknown form");
        }
        var fields = new LinkedHashMap<String, String>();
        int at = VERSION.length();
        while (at < encoded.length()) {
            int nameEnd = encoded.indexOf(':', at);
            int lengthEnd = nameEnd < 0 ? -1 : encoded.indexOf(':', nameEnd + 1);
            if (lengthEnd < 0 || lengthEnd - nameEnd > 10) {
                throw new IllegalArgumentException("the state is cut or damaged");
            }
            int length = Integer.parseInt(encoded.substring(nameEnd + 1, lengthEnd));
            if (length < 0 || lengthEnd + 1 + length > encoded.length()) {
                throw new IllegalArgumentException("the state is cut or damaged");
            }
            fields.put(encoded.substring(at, nameEnd), encoded.substring(lengthEnd + 1, lengthEnd + 1 + length));
            at = lengthEnd + 1 + length;
        }
        return fields;
    }
}
