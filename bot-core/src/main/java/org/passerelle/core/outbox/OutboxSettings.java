package org.passerelle.core.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.passerelle.core.channel.Channel;

/**
 * How the outbox sends.
 *
 * @param batch           entries read per pass
 * @param claimIdle       a pending entry idle this long is taken up again (retry, crash)
 * @param maxAttempts     sends tried before a retryable failure becomes a dead letter
 * @param firstBackoff    wait after the first retryable failure, doubled each time
 * @param maxBackoff      the longest wait between two tries
 * @param perChat         shortest interval between two messages to one person, per channel
 * @param perChannelRate  most messages per second on a channel
 */
public record OutboxSettings(int batch, Duration claimIdle, int maxAttempts, Duration firstBackoff,
        Duration maxBackoff, Map<Channel, Duration> perChat, Map<Channel, Integer> perChannelRate) {

    public OutboxSettings {
        Objects.requireNonNull(claimIdle, "claimIdle");
        perChat = Map.copyOf(perChat);
        perChannelRate = Map.copyOf(perChannelRate);
        if (batch < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batch and maxAttempts must be positive");
        }
    }

    /**
     * Telegram about one message a second per chat and 30 a second per bot; Twilio one a second
     * per number from one sender; eight tries, from one second up to five minutes apart.
     */
    public static OutboxSettings defaults() {
        return new OutboxSettings(50, Duration.ofSeconds(1), 8, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Map.of(Channel.TELEGRAM, Duration.ofMillis(1000), Channel.SMS, Duration.ofMillis(1000),
                        Channel.WHATSAPP, Duration.ofMillis(1000)),
                Map.of(Channel.TELEGRAM, 30, Channel.SMS, 10, Channel.WHATSAPP, 10));
    }
}
