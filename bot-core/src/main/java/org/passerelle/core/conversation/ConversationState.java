package org.passerelle.core.conversation;

import java.time.Instant;
import java.util.Objects;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.handoff.HandoffState;

/**
 * The little the engine remembers of a conversation between two turns.
 *
 * @param language     the chosen language, null until she chooses one
 * @param step         where the conversation stands
 * @param topicId      the topic last shown when the step is {@link Step#TOPIC}, else null
 * @param handoff      who answers her
 * @param misses       messages not understood in a row
 * @param channel      the channel of her last message
 * @param lastActivity when she last wrote
 */
public record ConversationState(Language language, Step step, String topicId, HandoffState handoff, int misses,
        Channel channel, Instant lastActivity) {

    public ConversationState {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(lastActivity, "lastActivity");
    }

    /** A conversation that starts now, before any language choice. */
    public static ConversationState first(Channel channel, Instant now) {
        return new ConversationState(null, Step.LANGUAGE, null, HandoffState.BOT, 0, channel, now);
    }

    /** Her language, or the source language while she has not chosen one. */
    public Language languageOrSource() {
        return language != null ? language : Language.SOURCE;
    }

    ConversationState at(Step newStep, String newTopicId) {
        return new ConversationState(language, newStep, newTopicId, handoff, 0, channel, lastActivity);
    }

    ConversationState speaking(Language newLanguage) {
        return new ConversationState(newLanguage, step, topicId, handoff, misses, channel, lastActivity);
    }

    ConversationState handedOff(HandoffState newHandoff) {
        return new ConversationState(language, step, topicId, newHandoff, misses, channel, lastActivity);
    }

    ConversationState missed() {
        return new ConversationState(language, step, topicId, handoff, misses + 1, channel, lastActivity);
    }

    ConversationState touched(Channel newChannel, Instant now) {
        return new ConversationState(language, step, topicId, handoff, misses, newChannel, now);
    }
}
