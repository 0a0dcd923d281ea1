package org.passerelle.core.handoff;

import java.time.Instant;
import org.passerelle.content.Language;
import org.passerelle.core.channel.Channel;

/**
 * One conversation in the inbox: waiting, or held by a mediator. Never an address: a pseudonym,
 * the channel and the language only.
 *
 * @param conversationId the conversation's pseudonym
 * @param state          {@link HandoffState#WAITING} or {@link HandoffState#WITH_MEDIATOR}
 * @param language       the language she writes in
 * @param channel        where she writes from
 * @param priority       danger, minor or normal
 * @param requestedAt    when she was put in the queue
 * @param mediatorId     who holds it; null while waiting
 * @param claimedAt      since when; null while waiting
 */
public record InboxItem(String conversationId, HandoffState state, Language language, Channel channel,
        Priority priority, Instant requestedAt, String mediatorId, Instant claimedAt) {

    /** Whether this mediator holds it. */
    public boolean heldBy(String mediator) {
        return state == HandoffState.WITH_MEDIATOR && mediatorId != null && mediatorId.equals(mediator);
    }
}
