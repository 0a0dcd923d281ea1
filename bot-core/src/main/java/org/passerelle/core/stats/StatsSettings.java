package org.passerelle.core.stats;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the daily counters are kept.
 *
 * @param retention how long after its day a day's counters expire (400 days by default, so that a
 *                  year can be compared with the one before)
 */
public record StatsSettings(Duration retention) {

    /** The default retention. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);

    public StatsSettings {
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("retention must be at least one day, was " + retention);
        }
    }

    /** The defaults. */
    public static StatsSettings defaults() {
        return new StatsSettings(DEFAULT_RETENTION);
    }
}
