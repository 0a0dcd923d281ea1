package org.passerelle.core.conversation;

/** One person sent more messages in a minute than a person types; this one was not handled. */
public class TooManyMessagesException extends RuntimeException {

    public TooManyMessagesException(String message) {
        super(message);
    }
}
