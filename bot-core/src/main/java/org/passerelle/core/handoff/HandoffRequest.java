package org.passerelle.core.handoff;

import java.time.Instant;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;

/**
 * A conversation waiting for a mediator, as the inbox lists it: a pseudonym, never an address.
 *
 * @param conversationId the conversation's pseudonym
 * @param language       the language she writes in
 * @param channel        where she writes from
 * @param priority       why she waits
 * @param requestedAt    since when
 */
public record HandoffRequest(String conversationId, Language language, Channel channel, Priority priority,
        Instant requestedAt) {
}
