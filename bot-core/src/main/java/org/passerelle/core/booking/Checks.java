package org.passerelle.core.booking;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.passerelle.content.Language;

/** Field checks shared by the schedule records; each message names the field at fault. */
final class Checks {

    // Lower-case letters, digits and dashes only: a service id is part of slot ids and keys.
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private Checks() {
    }

    static String serviceId(String value) {
        if (value == null || !SERVICE_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "serviceId must be 1 to 32 lower-case letters, digits or dashes, was " + value);
        }
        return value;
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static Duration slotLength(Duration slotLength) {
        present("slotLength", slotLength);
        if (slotLength.isNegative() || slotLength.isZero()) {
            throw new IllegalArgumentException("slotLength must be positive, was " + slotLength);
        }
        if (slotLength.toSecondsPart() != 0 || slotLength.toNanosPart() != 0) {
            throw new IllegalArgumentException("slotLength must be whole minutes, was " + slotLength);
        }
        return slotLength;
    }

    static void window(LocalTime start, LocalTime end) {
        present("start", start);
        present("end", end);
        if (start.getSecond() != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("start must be a whole minute, was " + start);
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "end must be after start on the same day, was start " + start + ", end " + end);
        }
    }

    /** Checks one session of slots and returns its languages as an immutable set. */
    static Set<Language> session(LocalTime start, LocalTime end, Duration slotLength, int capacity,
                                 Set<Language> languages) {
        window(start, end);
        slotLength(slotLength);
        if (slotLength.compareTo(Duration.between(start, end)) > 0) {
            throw new IllegalArgumentException("slotLength " + slotLength.toMinutes()
                    + " min does not fit between start " + start + " and end " + end);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        return languages(languages);
    }

    static Set<Language> languages(Set<Language> languages) {
        if (languages == null || languages.isEmpty()
                || languages.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("languages must name at least one language");
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(languages));
    }
}
