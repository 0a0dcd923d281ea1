package org.passerelle.app;

import java.time.Duration;
import org.passerelle.core.handoff.HandoffSettings;
import org.passerelle.core.handoff.TeamHours;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Handoff settings ({@code passerelle.handoff.*}).
 *
 * @param minorExclusive    how long a minor's handoff is offered only to mediators trained for it
 * @param keepAfterClose    how long a transcript is kept after the handoff is closed or released
 * @param contextTurns      how many of her last turns with the bot the mediator sees (0 to 20)
 * @param defaultTeamHours  the team's hours in Paris time until staff set others, e.g.
 *                          {@code MON-FRI 10:00-18:00, SAT 14:00-17:00}
 * @param maxTextLength     longest message a mediator may send
 */
@ConfigurationProperties("passerelle.handoff")
public record HandoffProperties(
        @DefaultValue("10m") Duration minorExclusive,
        @DefaultValue("2d") Duration keepAfterClose,
        @DefaultValue("3") int contextTurns,
        @DefaultValue("MON-FRI 10:00-18:00") String defaultTeamHours,
        @DefaultValue("1000") int maxTextLength) {

    /**
     * The settings of the handoff.
     *
     * @throws StartupException when a value cannot be used, saying which
     */
    public HandoffSettings toSettings() {
        try {
            return new HandoffSettings(minorExclusive, keepAfterClose, contextTurns,
                    TeamHours.parse(defaultTeamHours), maxTextLength);
        } catch (IllegalArgumentException e) {
            throw new StartupException("passerelle.handoff is not usable: " + e.getMessage(),
                    "Correct passerelle.handoff.* (hours as e.g. MON-FRI 10:00-18:00).", e);
        }
    }
}
