package org.passerelle.core.booking;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.passerelle.content.Language;

/**
 * One bookable slot of a service, in Europe/Paris time. Its {@link #id()} is derived from the
 * service and the start (wall-clock time with its offset, so the two 02:30 of an autumn night
 * would differ), e.g. {@code lawyer.20261203T1800+0100}: stable across regenerations and safe in
 * Redis keys.
 *
 * @throws IllegalArgumentException naming the field at fault
 */
public record Slot(String serviceId, ZonedDateTime start, ZonedDateTime end, int capacity,
                   Set<Language> languages) {

    /** The time zone of every schedule and slot. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmxx");

    public Slot {
        Checks.serviceId(serviceId);
        start = Checks.present("start", start).withZoneSameInstant(PARIS);
        end = Checks.present("end", end).withZoneSameInstant(PARIS);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start, was " + start + " → " + end);
        }
        if (start.getSecond() != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("start must be a whole minute, was " + start);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        languages = Checks.languages(languages);
    }

    /** The stable id: service, a dot, then the start as {@code yyyyMMddTHHmm±hhmm}. */
    public String id() {
        return serviceId + "." + start.format(ID_TIME);
    }

    /**
     * The start that a slot id carries, in Paris time, whatever the case it was typed in; empty
     * when the text is not a slot id. Says nothing of whether the schedule still has the slot.
     */
    public static Optional<ZonedDateTime> startOf(String slotId) {
        int dot = slotId.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(slotId.substring(dot + 1).toUpperCase(Locale.ROOT), ID_TIME)
                    .atZoneSameInstant(PARIS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
