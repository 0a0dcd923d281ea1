package org.passerelle.core.channel;

/**
 * Where a connector hands a message once it has checked its origin: the message is taken once
 * (a second delivery with the same channel message id is recognised), the engine answers it,
 * and the replies are queued to leave through the channel's {@link ChannelSender}, in order.
 * Connectors answer their webhook as soon as this returns.
 */
public interface MessageIntake {

    /**
     * Takes one message.
     *
     * @return {@link Intake#ACCEPTED}, or {@link Intake#DUPLICATE} when that channel message id
     *         was already taken (nothing is done again)
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails: the connector
     *         answers 5xx so that the channel delivers the message again
     * @throws org.passerelle.core.conversation.TooManyMessagesException on a flood from one sender:
     *         the connector acknowledges and drops the message
     */
    Intake receive(InboundMessage message);

    /** What became of a message handed to the intake. */
    enum Intake {
        /** Taken; the replies are on their way. */
        ACCEPTED,
        /** Already taken before: ignored. */
        DUPLICATE
    }
}
