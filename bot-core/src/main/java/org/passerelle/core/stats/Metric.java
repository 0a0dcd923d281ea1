package org.passerelle.core.stats;

import java.util.Optional;

/**
 * What is counted, each by one dimension. A conversation is counted by channel on the day it
 * starts, and by language on the day her language is first known. Attendance and no-shows count
 * on the appointment's day, everything else on the day it happens.
 */
public enum Metric {
    /** Conversations started, by channel ({@code sms}, {@code telegram}…). */
    CONVERSATIONS_BY_CHANNEL("conversations.channel"),
    /** Conversations whose language became known, by language code. */
    CONVERSATIONS_BY_LANGUAGE("conversations.language"),
    /** Topics shown, by topic id. */
    TOPICS("topics"),
    /** Messages not understood, by the conversation's language ({@code none} before one is known). */
    UNKNOWN("unknown"),
    /** Handoffs requested (a conversation put in the queue), by priority. */
    HANDOFFS("handoffs"),
    /** Handoffs claimed by a mediator, by priority. */
    CLAIMS("handoffs.claimed"),
    /** Seconds from request to claim, summed, by priority: with {@link #CLAIMS} gives the mean. */
    CLAIM_SECONDS("handoffs.claim-seconds"),
    /** Claims by bracket of waiting time: gives the bracket that holds the median. */
    CLAIM_WAIT("handoffs.claim-wait"),
    /** Danger and minor alerts, by kind ({@code danger}, {@code minor}). */
    ALERTS("alerts"),
    /** Appointments booked in the chat, by service. */
    BOOKINGS("bookings"),
    /** Appointments she cancelled herself, by service (an erase is not counted here). */
    CANCELLATIONS("cancellations"),
    /** Appointments marked attended, by service. */
    ATTENDED("attended"),
    /** Appointments marked as missed, by service. */
    NO_SHOWS("no-shows");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    /** The stable name used in Redis, the API and the CSV. */
    public String key() {
        return key;
    }

    /** The count a sum is the total of, for a summed metric; empty for a count. */
    public Optional<Metric> countedBy() {
        return this == CLAIM_SECONDS ? Optional.of(CLAIMS) : Optional.empty();
    }

    /** The metric with this stable name, if any. */
    public static Optional<Metric> fromKey(String key) {
        for (var metric : values()) {
            if (metric.key.equals(key)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
