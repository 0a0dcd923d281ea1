package org.passerelle.core.handoff;

/**
 * No waiting or held handoff for this conversation id: never asked, closed, released, erased or
 * expired (HTTP 404).
 */
public final class UnknownHandoffException extends RuntimeException {

    private final String conversationId;

    public UnknownHandoffException(String conversationId) {
        super("no waiting or held handoff for conversation " + conversationId);
        this.conversationId = conversationId;
    }

    /** The conversation concerned. */
    public String conversationId() {
        return conversationId;
    }
}
