package org.passerelle.app;

import java.time.Clock;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.store.RedisStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the anonymous daily counters, which the engine, the desk and the bookings write. */
@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

    @Bean
    Stats stats(RedisStore store, Clock clock, StatsProperties properties) {
        return new Stats(store, clock, properties.toSettings());
    }
}
