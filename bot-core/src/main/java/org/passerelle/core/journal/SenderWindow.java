package org.passerelle.core.journal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the messages kept per sender in the current minute, in memory, as the engine counts
 * them in Redis when it is up: a flood during an outage is dropped as it would be live, instead
 * of filling the journal.
 */
final class SenderWindow {

    private record Count(long minute, int count) {
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    SenderWindow(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one message of this sender; false when it is over the limit of the minute. */
    boolean admit(String sender) {
        long minute = clock.millis() / 60_000;
        if (counts.size() > 10_000) {
            counts.values().removeIf(count -> count.minute() < minute);
        }
        var now = counts.merge(sender, new Count(minute, 1),
                (old, one) -> old.minute() == minute ? new Count(minute, old.count() + 1) : one);
        return now.count() <= perMinute;
    }
}
