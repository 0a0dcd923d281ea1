package org.passerelle.core.conversation;

import java.util.Objects;
import org.passerelle.core.handoff.HandoffSettings;
import org.passerelle.core.handoff.TeamHoursStore;
import org.passerelle.core.privacy.AddressSealer;

/**
 * What the engine needs to hand conversations to mediators: her address is kept sealed with the
 * handoff so that a mediator's messages reach her channel, her turns are kept sealed in a
 * transcript, and the team's hours decide what she is told when she asks.
 *
 * @param addresses seals her address (the outbox's sealer)
 * @param texts     seals the transcript ({@link AddressSealer#forTexts})
 * @param hours     the team's hours
 * @param settings  periods, context turns, text limit
 */
public record HandoffSetup(AddressSealer addresses, AddressSealer texts, TeamHoursStore hours,
        HandoffSettings settings) {

    public HandoffSetup {
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(settings, "settings");
    }
}
