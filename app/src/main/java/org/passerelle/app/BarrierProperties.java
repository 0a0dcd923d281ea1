package org.passerelle.app;

import java.time.Duration;
import org.passerelle.core.barriers.BarrierSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Barriers-to-rights settings ({@code passerelle.barriers.*}).
 *
 * @param enabled   whether she is asked at all about what happened after the complaint, residence
 *                  permit or lawyer topic (the counters stay readable either way)
 * @param delay     how long after she read a topic she may be asked, and between two questions
 * @param retention how long after its month a month's anonymous counters are kept
 */
@ConfigurationProperties("passerelle.barriers")
public record BarrierProperties(@DefaultValue("true") boolean enabled, @DefaultValue("24h") Duration delay,
        @DefaultValue("1826d") Duration retention) {

    /**
     * The settings of the barrier questions and counters.
     *
     * @throws StartupException when a value cannot be used, saying why
     */
    public BarrierSettings toSettings() {
        try {
            return new BarrierSettings(enabled, delay, retention);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StartupException("passerelle.barriers is not usable: " + e.getMessage(),
                    "Set passerelle.barriers.delay to a minute or more (e.g. 24h) and passerelle.barriers.retention"
                            + " to 31 days or more (e.g. 1826d).", e);
        }
    }
}
