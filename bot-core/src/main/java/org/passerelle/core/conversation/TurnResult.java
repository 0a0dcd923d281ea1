package org.passerelle.core.conversation;

import java.util.List;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Reply;

/**
 * The answer to one message.
 *
 * @param conversationId the conversation's pseudonym
 * @param language       her language after this turn (the source language until she chooses)
 * @param replies        what to send back, in order
 * @param erased         whether this turn erased everything about her: a connector forgets
 *                       what it holds for her too (open streams, pending messages)
 */
public record TurnResult(String conversationId, Language language, List<Reply> replies, boolean erased) {

    public TurnResult {
        replies = List.copyOf(replies);
    }
}
