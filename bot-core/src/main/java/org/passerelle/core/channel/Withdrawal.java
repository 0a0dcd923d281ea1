package org.passerelle.core.channel;

import java.util.List;
import java.util.Objects;

/**
 * Messages to take back from one chat, once she erased her conversation.
 *
 * @param messageId unique id of this withdrawal in the outbox
 * @param channel   the channel the messages went out on
 * @param address   the channel address, in clear only in memory
 * @param receipts  the channel's ids of the messages, as its sends returned them
 */
public record Withdrawal(String messageId, Channel channel, String address, List<String> receipts) {

    public Withdrawal {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        receipts = List.copyOf(receipts);
    }

    @Override
    public String toString() {
        return "Withdrawal[id=" + messageId + ", channel=" + channel + ", messages=" + receipts.size() + "]";
    }
}
