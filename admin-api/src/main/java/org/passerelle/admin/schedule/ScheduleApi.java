package org.passerelle.admin.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Attendance;
import org.passerelle.core.booking.Booking;
import org.passerelle.core.booking.Recurrence;
import org.passerelle.core.booking.ScheduleException;
import org.passerelle.core.booking.ScheduleRule;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.booking.Service;
import org.passerelle.core.booking.Slot;

/**
 * The JSON shapes of the schedule API. Requests are read leniently (day and kind in any case)
 * and turned into the model, whose checks name the field at fault; times are {@code HH:mm} in
 * Paris, dates {@code YYYY-MM-DD}, instants ISO offset date-times in Paris time.
 */
final class ScheduleApi {

    private ScheduleApi() {
    }

    /** A service. */
    record ServiceJson(String id, String placeKey, long defaultSlotMinutes, boolean active) {

        static ServiceJson of(Service service) {
            return new ServiceJson(service.id(), service.placeKey(), service.defaultSlotLength().toMinutes(),
                    service.active());
        }
    }

    /** A service as an admin saves it; a missing active flag means active. */
    record ServiceRequest(String placeKey, Integer defaultSlotMinutes, Boolean active) {

        Service toService(String id) {
            return new Service(id, placeKey, minutes("defaultSlotMinutes", defaultSlotMinutes),
                    active == null || active);
        }
    }

    /** A stored weekly rule; {@code anchor} is null for a rule that applies every week. */
    record RuleJson(String id, String day, String start, String end, long slotMinutes, int capacity,
                    List<String> languages, int intervalWeeks, String anchor) {

        static RuleJson of(Schedules.StoredRule stored) {
            var rule = stored.rule();
            var anchor = rule.recurrence().anchor();
            return new RuleJson(stored.id(), rule.day().name(), rule.start().toString(), rule.end().toString(),
                    rule.slotLength().toMinutes(), rule.capacity(), codes(rule.languages()),
                    rule.recurrence().intervalWeeks(), anchor == null ? null : anchor.toString());
        }
    }

    /**
     * A weekly rule as an admin adds it. Without {@code slotMinutes} the service's default slot
     * length is used; without {@code intervalWeeks}, every week.
     */
    record RuleRequest(String day, String start, String end, Integer slotMinutes, Integer capacity,
                       List<String> languages, Integer intervalWeeks, String anchor) {

        ScheduleRule toRule(Service service) {
            var slotLength = slotMinutes == null ? service.defaultSlotLength() : minutes("slotMinutes", slotMinutes);
            var recurrence = new Recurrence(intervalWeeks == null ? 1 : intervalWeeks,
                    anchor == null ? null : ScheduleProblems.date("anchor", anchor));
            return new ScheduleRule(service.id(), parseDay(day), time("start", start), time("end", end), slotLength,
                    required("capacity", capacity), parseLanguages(languages), recurrence);
        }
    }

    /** A stored exception; hours are null for an all-day closure, session fields for a closure. */
    record ExceptionJson(String id, String date, String kind, String start, String end, Long slotMinutes,
                         int capacity, List<String> languages) {

        static ExceptionJson of(Schedules.StoredException stored) {
            var e = stored.exception();
            return new ExceptionJson(stored.id(), e.date().toString(), e.kind().name().toLowerCase(Locale.ROOT),
                    e.start() == null ? null : e.start().toString(), e.end() == null ? null : e.end().toString(),
                    e.slotLength() == null ? null : e.slotLength().toMinutes(), e.capacity(), codes(e.languages()));
        }
    }

    /**
     * An exception as an admin adds it: {@code closed} (all day, or between start and end) or
     * {@code extra} (a session with its hours, slot length, capacity and languages).
     */
    record ExceptionRequest(String date, String kind, String start, String end, Integer slotMinutes,
                            Integer capacity, List<String> languages) {

        ScheduleException toException(Service service) {
            var on = ScheduleProblems.date("date", date);
            var what = parseKind(kind);
            if (what == ScheduleException.Kind.CLOSED) {
                return new ScheduleException(service.id(), on, what, time("start", start, true),
                        time("end", end, true), null, 0, Set.of());
            }
            var slotLength = slotMinutes == null ? service.defaultSlotLength() : minutes("slotMinutes", slotMinutes);
            return ScheduleException.extra(service.id(), on, time("start", start), time("end", end), slotLength,
                    required("capacity", capacity), parseLanguages(languages));
        }
    }

    /** A slot with how many of its places are booked. */
    record SlotJson(String id, String start, String end, int capacity, long booked, List<String> languages) {

        static SlotJson of(Slot slot, long booked) {
            return new SlotJson(slot.id(), instant(slot.start()), instant(slot.end()), slot.capacity(), booked,
                    codes(slot.languages()));
        }
    }

    /**
     * A booking as staff see it: no conversation, no address, only what the desk needs. The
     * {@code language} is the appointment's; {@code interpreterLanguage} names the interpreter to
     * bring, null when she needs none (French); {@code nickname} is what to call her, if she gave
     * anything.
     */
    record BookingJson(String code, String start, String end, String language, String interpreterLanguage,
                       String nickname, String attendance) {

        static BookingJson of(Booking booking) {
            return of(booking, null);
        }

        static BookingJson of(Booking booking, Attendance attendance) {
            var language = booking.interpreterLanguage();
            return new BookingJson(booking.code(), instant(booking.start()), instant(booking.end()), language.code(),
                    language == Language.SOURCE ? null : language.code(), booking.nickname().orElse(null),
                    attendance == null ? null : attendance.apiName());
        }
    }

    /** Whether she came: {@code attended} or {@code no-show}. */
    record AttendanceRequest(String status) {
    }

    static String instant(ZonedDateTime time) {
        return time.withZoneSameInstant(Slot.PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static List<String> codes(Set<Language> languages) {
        return languages.stream().map(Language::code).toList();
    }

    private static Duration minutes(String field, Integer minutes) {
        if (minutes == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (minutes < 1) {
            throw new IllegalArgumentException(field + " must be at least 1 minute, was " + minutes);
        }
        return Duration.ofMinutes(minutes);
    }

    private static int required(String field, Integer value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static DayOfWeek parseDay(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("day is required, e.g. THURSDAY");
        }
        try {
            return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("day must be MONDAY to SUNDAY, was " + value);
        }
    }

    private static ScheduleException.Kind parseKind(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("kind is required: closed or extra");
        }
        try {
            return ScheduleException.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be closed or extra, was " + value);
        }
    }

    private static LocalTime time(String field, String value) {
        return time(field, value, false);
    }

    private static LocalTime time(String field, String value, boolean optional) {
        if (value == null || value.isBlank()) {
            if (optional) {
                return null;
            }
            throw new IllegalArgumentException(field + " is required, as HH:mm");
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a time HH:mm, was " + value);
        }
    }

    private static Set<Language> parseLanguages(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("languages must name at least one language");
        }
        var languages = EnumSet.noneOf(Language.class);
        for (var code : codes) {
            languages.add(Language.fromCode(code).orElseThrow(() ->
                    new IllegalArgumentException("languages: unknown language '" + code + "'")));
        }
        return languages;
    }
}
