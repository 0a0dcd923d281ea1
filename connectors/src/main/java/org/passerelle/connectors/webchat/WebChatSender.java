package org.passerelle.connectors.webchat;

import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.SendFailure;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.store.StoreUnavailableException;
import org.springframework.stereotype.Component;

/**
 * Sends later messages to the web chat through her open event streams, on this instance and,
 * through the {@link WebChatRelay}, on the others. It is sent once a stream took it; with no
 * stream open anywhere the page is closed: the failure is retryable, so the message waits for
 * her to come back.
 */
@Component
public class WebChatSender implements ChannelSender {

    private final WebChatStreams streams;
    private final WebChatRelay relay;

    WebChatSender(WebChatStreams streams, WebChatRelay relay) {
        this.streams = streams;
        this.relay = relay;
    }

    @Override
    public Channel channel() {
        return Channel.WEBCHAT;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (message.channel() != Channel.WEBCHAT) {
            return SendResult.failed(SendFailure.REJECTED, "not a web chat message");
        }
        var reply = WebChatApi.ReplyJson.of(message.reply());
        int here = streams.deliver(message.address(), reply);
        int elsewhere;
        try {
            // Her other tabs may be open on other instances: they get it too, without waiting when it arrived here.
            elsewhere = relay.deliverElsewhere(message.address(), reply, here == 0);
        } catch (StoreUnavailableException e) {
            elsewhere = 0;
        }
        return here + elsewhere > 0
                ? SendResult.sent()
                : SendResult.failed(SendFailure.CONNECTION_FAILED, "no open event stream took it");
    }
}
