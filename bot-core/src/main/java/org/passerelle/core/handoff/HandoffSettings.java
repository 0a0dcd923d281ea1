package org.passerelle.core.handoff;

import java.time.Duration;
import java.util.Objects;

/**
 * How handoffs are run.
 *
 * @param minorExclusive  how long a minor's handoff is offered only to mediators trained for it
 * @param keepAfterClose  how long a transcript is kept once the handoff is closed or released
 * @param contextTurns    how many of her last turns with the bot are kept briefly, to show the
 *                        mediator what came before the handoff
 * @param defaultHours    the team's hours until staff set others
 * @param maxTextLength   longest message a mediator may send
 */
public record HandoffSettings(Duration minorExclusive, Duration keepAfterClose, int contextTurns,
        TeamHours defaultHours, int maxTextLength) {

    /** @throws IllegalArgumentException when a value is out of range */
    public HandoffSettings {
        Objects.requireNonNull(minorExclusive, "minorExclusive");
        Objects.requireNonNull(keepAfterClose, "keepAfterClose");
        Objects.requireNonNull(defaultHours, "defaultHours");
        if (minorExclusive.isNegative()) {
            throw new IllegalArgumentException("minorExclusive must not be negative");
        }
        if (keepAfterClose.isNegative() || keepAfterClose.isZero()) {
            throw new IllegalArgumentException("keepAfterClose must be positive");
        }
        if (contextTurns < 0 || contextTurns > 20) {
            throw new IllegalArgumentException("contextTurns must be between 0 and 20");
        }
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be positive");
        }
    }

    /**
     * Minors offered to trained mediators alone for 10 minutes, transcripts kept 2 days after the
     * close, 3 turns of context, the team there Monday to Friday 10:00 to 18:00, 1000 characters.
     */
    public static HandoffSettings defaults() {
        return new HandoffSettings(Duration.ofMinutes(10), Duration.ofDays(2), 3,
                TeamHours.parse("MON-FRI 10:00-18:00"), 1000);
    }
}
