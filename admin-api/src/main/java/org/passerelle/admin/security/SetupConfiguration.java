package org.passerelle.admin.security;

import java.time.Duration;
import org.passerelle.core.handoff.SetupLinks;
import org.passerelle.core.handoff.Team;
import org.passerelle.core.store.RedisStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one-time link that creates the first admin when no account and no bootstrap settings exist. */
@Configuration(proxyBeanMethods = false)
class SetupConfiguration {

    /** Wrong tokens allowed in {@link #WRONG_WINDOW} before every token is refused until it ends. */
    static final int MAX_WRONG = 10;
    static final Duration WRONG_WINDOW = Duration.ofMinutes(15);

    @Bean
    SetupLinks setupLinks(RedisStore store) {
        return new SetupLinks(store, MAX_WRONG, WRONG_WINDOW);
    }

    @Bean
    SetupLink setupLink(Team team, AdminSettings settings, SetupLinks links, PublicAddress address) {
        return new SetupLink(team, settings, links, address);
    }
}
