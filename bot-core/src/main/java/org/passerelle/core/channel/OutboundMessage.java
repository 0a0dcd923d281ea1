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
 */
public record OutboundMessage(String messageId, Channel channel, String address, Reply reply) {

    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reply, "reply");
    }

    @Override
    public String toString() {
        return "OutboundMessage[id=" + messageId + ", channel=" + channel + "]";
    }
}
