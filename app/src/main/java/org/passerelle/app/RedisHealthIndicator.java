package org.passerelle.app;

import org.passerelle.core.store.RedisStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Redis is up when it answers a PING; shown as {@code redis} in {@code /actuator/health}. */
@Component("redis")
class RedisHealthIndicator implements HealthIndicator {

    private final RedisStore store;
    private final RedisSettings settings;

    RedisHealthIndicator(RedisStore store, RedisSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    public Health health() {
        var mode = settings.embedded() ? "embedded" : "external";
        return store.ping()
                ? Health.up().withDetail("mode", mode).build()
                : Health.down().withDetail("mode", mode).withDetail("error", "no answer to PING").build();
    }
}
