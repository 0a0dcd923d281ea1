package org.passerelle.core.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * One message from a person, as a connector hands it to the engine once it has checked its
 * origin. The address is the channel's own (phone number, chat id, web chat id): the engine
 * turns it into a pseudonym at once and never stores or logs it in clear.
 *
 * @param channel          where it came from
 * @param address          the channel address to answer to
 * @param text             what she wrote, or the key of the option she chose
 * @param channelMessageId the channel's id of the message, for de-duplication
 * @param receivedAt       when the connector received it
 */
public record InboundMessage(Channel channel, String address, String text, String channelMessageId,
        Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Never prints the address or the text, so that a stray log line leaks nothing. */
    @Override
    public String toString() {
        return "InboundMessage[channel=" + channel + ", length=" + text.length() + "]";
    }
}
