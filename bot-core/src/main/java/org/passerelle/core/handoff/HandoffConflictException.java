package org.passerelle.core.handoff;

/**
 * Another mediator holds the conversation, or the caller does not hold it (HTTP 409). The
 * message names no one but the conversation's pseudonym.
 */
public final class HandoffConflictException extends RuntimeException {

    private final String conversationId;

    public HandoffConflictException(String conversationId, String message) {
        super(message);
        this.conversationId = conversationId;
    }

    /** The conversation concerned. */
    public String conversationId() {
        return conversationId;
    }
}
