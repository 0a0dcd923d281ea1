package org.passerelle.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox settings ({@code passerelle.outbox.*}).
 *
 * @param pollInterval how often the senders look for replies to send
 * @param claimIdle    a pending reply idle this long is taken up again (retry, crashed instance)
 * @param maxAttempts  sends tried before a retryable failure becomes a dead letter
 */
@ConfigurationProperties("passerelle.outbox")
public record OutboxSettingsProperties(
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("1s") Duration claimIdle,
        @DefaultValue("8") int maxAttempts) {
}
