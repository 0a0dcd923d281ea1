package org.passerelle.connectors.webchat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web chat settings ({@code passerelle.webchat.*}).
 *
 * @param maxTextLength  longest message accepted, in characters
 * @param streamTimeout  how long one event stream stays open before the page reconnects
 * @param heartbeat      how often an idle event stream gets a comment, to keep proxies open
 * @param relayWait      how long a later message with no stream open here waits for the other
 *                       instances to say whether a stream of hers took it
 */
@ConfigurationProperties("passerelle.webchat")
public record WebChatSettings(
        @DefaultValue("2000") int maxTextLength,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("25s") Duration heartbeat,
        @DefaultValue("2s") Duration relayWait) {
}
