package org.passerelle.core.conversation;

import org.passerelle.core.channel.Channel;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.stats.Metric;
import org.passerelle.core.stats.Tally;

/**
 * What a kept turn adds to the anonymous statistics, read from its outcome and the states before
 * and after: a conversation that starts (by channel), a language first known, a danger or minor
 * alert, a handoff newly requested. Topics, misunderstandings and bookings are counted where they
 * happen, in the same tally.
 */
final class TurnCounts {

    private TurnCounts() {
    }

    /**
     * @param previous the state before the turn, null on first contact
     * @param queued   whether the turn put her in the mediators' queue
     */
    static Tally of(Tally tally, ConversationState previous, Outcome outcome, boolean queued, Channel channel) {
        var state = outcome.state();
        if (previous == null) {
            tally.add(Metric.CONVERSATIONS_BY_CHANNEL, channel.id());
        }
        if ((previous == null || previous.language() == null) && state.language() != null) {
            tally.add(Metric.CONVERSATIONS_BY_LANGUAGE, state.language().code());
        }
        outcome.handoff().filter(priority -> priority != Priority.NORMAL)
                .ifPresent(priority -> tally.add(Metric.ALERTS, priority));
        if (queued) {
            outcome.handoff().ifPresent(priority -> tally.add(Metric.HANDOFFS, priority));
        }
        return tally;
    }
}
