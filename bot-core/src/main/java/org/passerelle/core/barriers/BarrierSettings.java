package org.passerelle.core.barriers;

import java.time.Duration;
import java.util.Objects;

/**
 * When she is asked and how long the counters are kept.
 *
 * @param enabled   whether questions are asked at all (the counters can be read either way)
 * @param delay     how long after she read a topic she may be asked about it, and how long after
 *                  one question another may come (24 hours by default)
 * @param retention how long after its month a month's counters expire (five years by default,
 *                  for advocacy over several years)
 */
public record BarrierSettings(boolean enabled, Duration delay, Duration retention) {

    /** The default delay. */
    public static final Duration DEFAULT_DELAY = Duration.ofHours(24);
    /** The default retention. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(5 * 365 + 1);

    public BarrierSettings {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(retention, "retention");
        if (delay.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("delay must be at least a minute, was " + delay);
        }
        if (retention.compareTo(Duration.ofDays(31)) < 0) {
            throw new IllegalArgumentException("retention must be at least 31 days, was " + retention);
        }
    }

    /** The defaults: asked, after 24 hours, counters kept five years. */
    public static BarrierSettings defaults() {
        return new BarrierSettings(true, DEFAULT_DELAY, DEFAULT_RETENTION);
    }
}
