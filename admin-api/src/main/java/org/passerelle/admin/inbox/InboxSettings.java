package org.passerelle.admin.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inbox settings ({@code passerelle.inbox.*}).
 *
 * @param pollInterval  how often this instance reads the desk's version to push live updates
 * @param streamTimeout how long one page's event stream stays open before the page reconnects
 * @param heartbeat     how often an idle event stream gets a comment, to keep proxies open
 */
@ConfigurationProperties("passerelle.inbox")
public record InboxSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("25s") Duration heartbeat) {

    public InboxSettings {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("passerelle.inbox.poll-interval must be positive");
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("passerelle.inbox.heartbeat must be positive");
        }
    }
}
