package org.passerelle.core.conversation;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine keeps conversations.
 *
 * @param retention     how long a conversation is kept after her last message
 * @param lockLease     how long one turn may hold its conversation's lock before it lapses
 * @param lockWait      how long a turn waits for the previous turn of the same person
 * @param maxTextLength longest text taken from one message; the rest is ignored
 * @param perMinute     most messages handled per conversation and minute
 * @param idleRestart   after this long without a message, the conversation restarts politely
 */
public record EngineSettings(Duration retention, Duration lockLease, Duration lockWait, int maxTextLength,
        int perMinute, Duration idleRestart) {

    public EngineSettings {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(lockLease, "lockLease");
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(idleRestart, "idleRestart");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be positive");
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
    }

    /**
     * Thirty days of retention, a ten-second lease, five seconds of waiting, 2000 characters,
     * 30 messages a minute, a polite restart after twelve hours of silence.
     */
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofDays(30), Duration.ofSeconds(10), Duration.ofSeconds(5), 2000, 30,
                Duration.ofHours(12));
    }
}
