package org.passerelle.app;

import java.time.Duration;
import org.passerelle.core.stats.StatsSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Anonymous statistics settings ({@code passerelle.stats.*}).
 *
 * @param retention how long after its day a day's counters are kept (at least a day)
 */
@ConfigurationProperties("passerelle.stats")
public record StatsProperties(@DefaultValue("400d") Duration retention) {

    /**
     * The settings of the statistics.
     *
     * @throws StartupException when the retention cannot be used, saying why
     */
    public StatsSettings toSettings() {
        try {
            return new StatsSettings(retention);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StartupException("passerelle.stats is not usable: " + e.getMessage(),
                    "Set passerelle.stats.retention to a period of a day or more, e.g. 400d.", e);
        }
    }
}
