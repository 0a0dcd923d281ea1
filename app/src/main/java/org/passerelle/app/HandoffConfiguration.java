package org.passerelle.app;

import java.time.Clock;
import org.passerelle.core.conversation.ConversationEngine;
import org.passerelle.core.conversation.HandoffSetup;
import org.passerelle.core.conversation.MediatorDesk;
import org.passerelle.core.handoff.TeamHoursStore;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the handoff to mediators: the team's hours, what the engine needs, the mediators' desk. */
@Configuration(proxyBeanMethods = false)
class HandoffConfiguration {

    @Bean
    TeamHoursStore teamHoursStore(RedisStore store, HandoffProperties properties) {
        return new TeamHoursStore(store, properties.toSettings().defaultHours());
    }

    /** The address sealer of the outbox, the sealer of texts for transcripts, the hours, the settings. */
    @Bean
    HandoffSetup handoffSetup(AddressSealer addresses, EngineConfiguration.TextSealer texts, TeamHoursStore hours,
            HandoffProperties properties) {
        return new HandoffSetup(addresses, texts.sealer(), hours, properties.toSettings());
    }

    @Bean
    MediatorDesk mediatorDesk(ConversationEngine engine, Outbox outbox, Clock clock) {
        return new MediatorDesk(engine, outbox, clock);
    }
}
