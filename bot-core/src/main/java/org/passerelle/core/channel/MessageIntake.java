package org.passerelle.core.channel;

import java.util.function.Function;

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
     * @return {@link Intake#ACCEPTED}, {@link Intake#DUPLICATE} when that channel message id was
     *         already taken (nothing is done again), or {@link Intake#JOURNALED} when the store is
     *         down and the message was kept to be answered once it is back
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails and the message
     *         could not be kept either: the connector answers 5xx so that the channel delivers the
     *         message again
     * @throws org.passerelle.core.conversation.TooManyMessagesException on a flood from one sender:
     *         the connector acknowledges and drops the message
     */
    Intake receive(InboundMessage message);

    /**
     * Takes a message whose replies the connector gives in its own answer (the web chat): the
     * turn runs now, unless the message has to wait to keep her messages in order or because
     * the store is down; then it is kept and {@code deferred} builds the answer.
     *
     * @param now      runs the turn and builds the answer
     * @param deferred builds the answer of a message kept for later: given {@link Intake#JOURNALED}
     *                 when the store is down (answer with the {@link OutageNotice}), or
     *                 {@link Intake#ACCEPTED} when earlier messages of hers still wait (the replies
     *                 follow as later messages)
     * @throws org.passerelle.core.store.StoreUnavailableException as {@link #receive}
     */
    default <T> T receiveNow(InboundMessage message, Function<InboundMessage, T> now, Function<Intake, T> deferred) {
        return now.apply(message);
    }

    /** Whether messages from this address were kept and wait to be answered. */
    default boolean waiting(Channel channel, String address) {
        return false;
    }

    /** What became of a message handed to the intake. */
    enum Intake {
        /** Taken; the replies are on their way. */
        ACCEPTED,
        /** Already taken before: ignored. */
        DUPLICATE,
        /**
         * The store is down: the message was kept on disk and is answered once the store is back;
         * meanwhile the connector answers with the {@link OutageNotice} where the channel allows.
         */
        JOURNALED
    }
}
