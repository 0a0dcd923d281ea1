package org.passerelle.connectors.webchat;

import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.SendFailure;
import org.passerelle.core.channel.SendResult;
import org.springframework.stereotype.Component;

/**
 * Sends later messages to the web chat through its open event streams. With no stream open
 * the page is closed: the failure is retryable, so the message waits for her to come back.
 */
@Component
public class WebChatSender implements ChannelSender {

    private final WebChatStreams streams;

    WebChatSender(WebChatStreams streams) {
        this.streams = streams;
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
        int delivered = streams.deliver(message.address(), WebChatApi.ReplyJson.of(message.reply()));
        return delivered > 0
                ? SendResult.sent()
                : SendResult.failed(SendFailure.CONNECTION_FAILED, "no open event stream");
    }
}
