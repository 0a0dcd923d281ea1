package org.passerelle.app;

import java.time.Clock;
import org.passerelle.core.barriers.Barriers;
import org.passerelle.core.store.RedisStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the barrier questions and their anonymous monthly counters, which the engine writes. */
@Configuration(proxyBeanMethods = false)
class BarrierConfiguration {

    @Bean
    Barriers barriers(RedisStore store, Clock clock, BarrierProperties properties) {
        return new Barriers(store, clock, properties.toSettings());
    }
}
