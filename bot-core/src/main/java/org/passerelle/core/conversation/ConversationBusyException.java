package org.passerelle.core.conversation;

/**
 * The previous turn of the same conversation did not finish in time; the message was not
 * handled and the connector may ask the channel to deliver it again.
 */
public class ConversationBusyException extends RuntimeException {

    public ConversationBusyException(String message) {
        super(message);
    }
}
