package org.passerelle.app;

import java.time.Clock;
import org.passerelle.core.limits.AddressLimiter;
import org.passerelle.core.store.RedisStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits per client address (webhooks, sign-in): token buckets in Redis, keyed by the HMAC of
 * the address with the server secret, counted in memory by each instance while Redis is down.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    AddressLimiter addressLimiter(RedisStore store, EngineConfiguration.ServerSecret secret, Clock clock) {
        return new AddressLimiter(store, secret.bytes(), clock);
    }
}
