package org.passerelle.core.conversation;

import java.util.List;
import org.passerelle.core.channel.Reply;

/**
 * What the dialogue decided for one turn.
 *
 * @param state            the state to keep
 * @param replies          what to answer, in order
 * @param handoffRequested whether she asked for a mediator in this turn
 * @param erase            whether everything about her is to be erased now
 */
record Outcome(ConversationState state, List<Reply> replies, boolean handoffRequested, boolean erase) {

    Outcome {
        replies = List.copyOf(replies);
    }

    Outcome(ConversationState state, List<Reply> replies, boolean handoffRequested) {
        this(state, replies, handoffRequested, false);
    }
}
