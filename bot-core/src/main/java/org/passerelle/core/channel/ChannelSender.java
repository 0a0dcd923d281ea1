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
}
