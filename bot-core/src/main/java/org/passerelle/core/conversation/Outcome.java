package org.passerelle.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.passerelle.core.channel.Reply;
import org.passerelle.core.handoff.Priority;

/**
 * What the dialogue decided for one turn.
 *
 * @param state   the state to keep
 * @param replies what to answer, in order (none while a mediator holds the conversation)
 * @param handoff the priority with which she is to be put in the mediators' queue, if at all
 * @param erase   whether everything about her is to be erased now
 */
record Outcome(ConversationState state, List<Reply> replies, Optional<Priority> handoff, boolean erase) {

    Outcome {
        replies = List.copyOf(replies);
    }

    /** A turn that only answers. */
    static Outcome answer(ConversationState state, Reply... replies) {
        return new Outcome(state, List.of(replies), Optional.empty(), false);
    }

    /** The same turn, opened by a line of its own (a welcome back). */
    Outcome openedBy(String text) {
        var all = new ArrayList<Reply>(replies.size() + 1);
        all.add(Reply.text(text));
        all.addAll(replies);
        return new Outcome(state, all, handoff, erase);
    }

    /**
     * This turn's answers without their options, then a question of its own: her message is
     * answered, and the choices offered are the question's.
     */
    Outcome thenAsking(ConversationState asking, Reply question) {
        var all = new ArrayList<Reply>(replies.size() + 1);
        replies.forEach(reply -> all.add(Reply.text(reply.text())));
        all.add(question);
        return new Outcome(asking, all, handoff, erase);
    }
}
