package org.passerelle.core.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.passerelle.content.Language;

/**
 * A weekly schedule rule of a service: on a day of the week, between two wall-clock times in
 * Paris (within one day), slots of one length, each for {@code capacity} people, with the
 * languages offered. Slots are laid from {@code start}; time left at the end that is shorter
 * than a slot is not offered.
 *
 * @throws IllegalArgumentException naming the field: a malformed service id, a missing field,
 *                                  end not after start, a slot length that is not positive, not
 *                                  whole minutes or does not fit, a capacity below 1, no language
 */
public record ScheduleRule(String serviceId, DayOfWeek day, LocalTime start, LocalTime end,
                           Duration slotLength, int capacity, Set<Language> languages,
                           Recurrence recurrence) {

    public ScheduleRule {
        Checks.serviceId(serviceId);
        Checks.present("day", day);
        languages = Checks.session(start, end, slotLength, capacity, languages);
        Checks.present("recurrence", recurrence);
    }

    /**
     * Whether this rule and another of the same service can run at the same time on the same
     * date: same day of the week, intersecting hours, weeks that can coincide.
     */
    public boolean overlaps(ScheduleRule other) {
        return serviceId.equals(other.serviceId)
                && day == other.day
                && start.isBefore(other.end) && other.start.isBefore(end)
                && recurrence.mayCoincide(other.recurrence);
    }
}
