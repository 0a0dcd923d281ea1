package org.passerelle.connectors.twilio;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.passerelle.connectors.support.PublicEndpointFilter;
import org.passerelle.connectors.testkit.FixedNotice;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The smallest web application around the Twilio webhooks: the connector, a fixed clock and the
 * recorded observations, a fixed outage notice; the test registers its harness's recording intake in place of the engine.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({TwilioConfiguration.class, TwilioWebhookController.class, PublicEndpointFilter.class})
class TwilioWebhookApp {

    static final Instant NOW = Instant.parse("2025-03-08T10:15:30Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    FixedNotice outageNotice() {
        return new FixedNotice();
    }

    @Bean
    RecordedObservations recordedObservations() {
        return new RecordedObservations();
    }

    @Bean
    ObservationRegistry observationRegistry(RecordedObservations recorded) {
        var registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(recorded);
        return registry;
    }

    /** Keeps the name and tags of every observation that stopped. */
    static final class RecordedObservations implements ObservationHandler<Observation.Context> {

        private final List<String> stopped = new CopyOnWriteArrayList<>();

        @Override
        public void onStop(Observation.Context context) {
            var tags = new StringBuilder(context.getName());
            context.getLowCardinalityKeyValues().forEach(kv -> tags.append(' ').append(kv.getKey()).append('=').append(kv.getValue()));
            stopped.add(tags.toString());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        List<String> stopped() {
            return List.copyOf(stopped);
        }

        void clear() {
            stopped.clear();
        }
    }
}
