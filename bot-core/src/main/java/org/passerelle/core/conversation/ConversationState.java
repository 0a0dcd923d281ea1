package org.passerelle.core.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.passerelle.content.Language;
import org.passerelle.core.barriers.BarrierMemory;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.handoff.HandoffState;

/**
 * The little the engine remembers of a conversation between two turns.
 *
 * @param language       the chosen language, null until she chooses one or writes in one
 * @param step           where the conversation stands
 * @param topicId        the topic last shown when the step is {@link Step#TOPIC}, else null
 * @param handoff        who answers her
 * @param misses         messages not understood in a row
 * @param channel        the channel of her last message
 * @param lastActivity   when she last wrote
 * @param choices        the option keys offered when the step is {@link Step#CHOICES}
 * @param switchOffered  whether she was already asked to switch to the language she writes in
 * @param stopped        whether she asked us to stop writing to her unprompted
 * @param draft          the booking she is filling in (time, nickname, interpreter), between the
 *                       time and the confirmation; else null
 * @param barriers       what the barrier questions remember (topics read, topics asked), never an answer
 */
public record ConversationState(Language language, Step step, String topicId, HandoffState handoff, int misses,
        Channel channel, Instant lastActivity, List<String> choices, boolean switchOffered, boolean stopped,
        BookingDraft draft, BarrierMemory barriers) {

    public ConversationState {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(lastActivity, "lastActivity");
        choices = List.copyOf(choices);
        barriers = barriers == null ? BarrierMemory.NONE : barriers;
    }

    /** A conversation that starts now, before any language choice. */
    public static ConversationState first(Channel channel, Instant now) {
        return new ConversationState(null, Step.LANGUAGE, null, HandoffState.BOT, 0, channel, now, List.of(),
                false, false, null, BarrierMemory.NONE);
    }

    /** Her language, or the source language while she has not chosen one. */
    public Language languageOrSource() {
        return language != null ? language : Language.SOURCE;
    }

    /** The state at another step; a booking draft is left behind. */
    ConversationState at(Step newStep, String newTopicId) {
        return new ConversationState(language, newStep, newTopicId, handoff, 0, channel, lastActivity, List.of(),
                switchOffered, stopped, null, barriers);
    }

    /** The state offering these choices; a booking draft is left behind unless kept by {@link #drafting}. */
    ConversationState offering(List<String> keys, int newMisses) {
        return new ConversationState(language, Step.CHOICES, null, handoff, newMisses, channel, lastActivity, keys,
                switchOffered, stopped, null, barriers);
    }

    /** The same state, holding this booking draft (null for none). */
    ConversationState drafting(BookingDraft newDraft) {
        return new ConversationState(language, step, topicId, handoff, misses, channel, lastActivity, choices,
                switchOffered, stopped, newDraft, barriers);
    }

    ConversationState speaking(Language newLanguage) {
        return new ConversationState(newLanguage, step, topicId, handoff, misses, channel, lastActivity, choices,
                switchOffered, stopped, draft, barriers);
    }

    ConversationState handedOff(HandoffState newHandoff) {
        return new ConversationState(language, step, topicId, newHandoff, misses, channel, lastActivity, choices,
                switchOffered, stopped, draft, barriers);
    }

    ConversationState missed() {
        return new ConversationState(language, step, topicId, handoff, misses + 1, channel, lastActivity, choices,
                switchOffered, stopped, draft, barriers);
    }

    ConversationState switchAsked() {
        return new ConversationState(language, step, topicId, handoff, misses, channel, lastActivity, choices, true,
                stopped, draft, barriers);
    }

    ConversationState stopping() {
        return new ConversationState(language, step, topicId, handoff, misses, channel, lastActivity, choices,
                switchOffered, true, draft, barriers);
    }

    /** The same state, remembering this of the barrier questions. */
    ConversationState remembering(BarrierMemory memory) {
        return new ConversationState(language, step, topicId, handoff, misses, channel, lastActivity, choices,
                switchOffered, stopped, draft, memory);
    }

    /** The state as of a new message from her: she wrote, so she is not stopped any more. */
    ConversationState touched(Channel newChannel, Instant now) {
        return new ConversationState(language, step, topicId, handoff, misses, newChannel, now, choices,
                switchOffered, false, draft, barriers);
    }
}
