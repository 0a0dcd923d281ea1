package org.passerelle.core.channel;

/**
 * Sends replies on one channel; each connector implements it. Implementations render the
 * channel-neutral reply (buttons or a numbered menu, length limits) and never throw: every
 * failure comes back as a {@link SendResult} with its kind.
 */
public interface ChannelSender {

    /** The channel this sender serves. */
    Channel channel();

    /** Sends one message; never throws. */
    SendResult send(OutboundMessage message);

    /**
     * Takes back messages sent earlier in one chat, when she erases her conversation, on a
     * channel that can (its sends return {@link SendResult#receipts()}); never throws. Messages
     * the channel no longer lets us take back are skipped, not a failure.
     */
    default SendResult withdraw(Withdrawal withdrawal) {
        return SendResult.failed(SendFailure.REJECTED, "this channel cannot take messages back");
    }
}
