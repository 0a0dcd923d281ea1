package org.passerelle.core.channel;

import java.util.Objects;

/**
 * A reply on its way to a person outside the turn she started (a mediator's answer, a
 * reminder).
 *
 * @param messageId unique id, so that a retry never sends the same message twice
 * @param channel   the channel to send it on
 * @param address   the channel address, in clear only in memory
 * @param reply     what to send
 * @param firstPart when the channel splits the text, the part to start from: the earlier ones
 *                  were taken by an earlier try
 */
public record OutboundMessage(String messageId, Channel channel, String address, Reply reply, int firstPart) {

    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reply, "reply");
        if (firstPart < 0) {
            throw new IllegalArgumentException("firstPart must not be negative");
        }
    }

    /** A message sent whole, from its first part. */
    public OutboundMessage(String messageId, Channel channel, String address, Reply reply) {
        this(messageId, channel, address, reply, 0);
    }

    @Override
    public String toString() {
        return "OutboundMessage[id=" + messageId + ", channel=" + channel + "]";
    }
}
