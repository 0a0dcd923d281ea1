package org.passerelle.core.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.passerelle.content.Language;

/**
 * An exception to a service's weekly rules on one date: a closure (a holiday, the whole day or
 * only between two times), or an extra session with its own hours, slot length, capacity and
 * languages. Build them with {@link #closedAllDay}, {@link #closedBetween} and {@link #extra}.
 *
 * @param start      closure or session start; null for an all-day closure
 * @param end        closure or session end; null for an all-day closure
 * @param slotLength the extra session's slot length; null for a closure
 * @param capacity   the extra session's capacity; 0 for a closure
 * @param languages  the extra session's languages; empty for a closure
 * @throws IllegalArgumentException naming the field at fault
 */
public record ScheduleException(String serviceId, LocalDate date, Kind kind, LocalTime start,
                                LocalTime end, Duration slotLength, int capacity,
                                Set<Language> languages) {

    /** What the exception does on its date. */
    public enum Kind {
        /** No slots from the weekly rules that day, or none between {@code start} and {@code end}. */
        CLOSED,
        /** One more session that day. */
        EXTRA
    }

    public ScheduleException {
        Checks.serviceId(serviceId);
        Checks.present("date", date);
        Checks.present("kind", kind);
        if (kind == Kind.EXTRA) {
            languages = Checks.session(start, end, slotLength, capacity, languages);
        } else {
            if ((start == null) != (end == null)) {
                throw new IllegalArgumentException("start and end of a closure go together");
            }
            if (start != null) {
                Checks.window(start, end);
            }
            if (slotLength != null || capacity != 0 || (languages != null && !languages.isEmpty())) {
                throw new IllegalArgumentException("a closure has no slotLength, capacity or languages");
            }
            languages = Set.of();
        }
    }

    /** Closed all day: no slots from the weekly rules. */
    public static ScheduleException closedAllDay(String serviceId, LocalDate date) {
        return new ScheduleException(serviceId, date, Kind.CLOSED, null, null, null, 0, Set.of());
    }

    /** Closed between two times: slots of the weekly rules that touch this window are dropped. */
    public static ScheduleException closedBetween(String serviceId, LocalDate date, LocalTime from,
                                                  LocalTime to) {
        return new ScheduleException(serviceId, date, Kind.CLOSED, from, to, null, 0, Set.of());
    }

    /** An extra session on one date. */
    public static ScheduleException extra(String serviceId, LocalDate date, LocalTime start,
                                          LocalTime end, Duration slotLength, int capacity,
                                          Set<Language> languages) {
        return new ScheduleException(serviceId, date, Kind.EXTRA, start, end, slotLength, capacity,
                languages);
    }

    /** Whether this closes the whole day. */
    public boolean allDay() {
        return kind == Kind.CLOSED && start == null;
    }
}
