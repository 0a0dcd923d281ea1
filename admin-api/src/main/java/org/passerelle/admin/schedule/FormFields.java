package org.passerelle.admin.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.passerelle.content.Language;

/**
 * Reads the text fields of the schedule forms the way an admin types them, noting in plain words
 * what is wrong with each; a field that cannot be read comes back null with its problem noted.
 */
final class FormFields {

    /** The shortest and longest slot a form accepts, in minutes. */
    static final int MIN_SLOT = 5;
    static final int MAX_SLOT = 8 * 60;
    /** The most places a form accepts in one slot: more is surely a typing slip. */
    static final int MAX_CAPACITY = 99;

    private FormFields() {
    }

    /** The hours, slot length, capacity and languages of one session, once each is readable. */
    record Session(LocalTime start, LocalTime end, Duration slotLength, int capacity, Set<Language> languages) {
    }

    /**
     * Reads a session: start before end, a slot that fits between them, at least one place and
     * one language. Without a slot length, {@code defaultSlot} is used.
     *
     * @return the session, or null when a problem was noted
     */
    static Session session(SessionInput input, Duration defaultSlot, FormProblems problems) {
        var start = time("start", input.start(), true, problems);
        var end = time("end", input.end(), true, problems);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add("end", "admin.schedules.error.endBeforeStart", start.toString(), end.toString());
        }
        var slotLength = defaultSlot;
        if (!isBlank(input.slotMinutes())) {
            var minutes = number("slotMinutes", input.slotMinutes(), MIN_SLOT, MAX_SLOT,
                    "admin.schedules.error.slotMinutes", problems);
            slotLength = minutes == null ? null : Duration.ofMinutes(minutes);
        }
        if (slotLength != null && start != null && end != null && end.isAfter(start)
                && slotLength.compareTo(Duration.between(start, end)) > 0) {
            problems.add("slotMinutes", "admin.schedules.error.slotTooLong", slotLength.toMinutes(),
                    start.toString(), end.toString());
        }
        var capacity = number("capacity", input.capacity(), 1, MAX_CAPACITY, "admin.schedules.error.capacity",
                problems);
        var languages = languages(input.languages(), problems);
        if (start == null || end == null || slotLength == null || capacity == null || languages == null
                || !end.isAfter(start) || problems.has("slotMinutes")) {
            return null;
        }
        return new Session(start, end, slotLength, capacity, languages);
    }

    /** The fields of a session as typed. */
    record SessionInput(String start, String end, String slotMinutes, String capacity, List<String> languages) {
    }

    static DayOfWeek day(String value, FormProblems problems) {
        if (!isBlank(value)) {
            try {
                return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // Noted below like a missing day: the list offers the seven days only.
            }
        }
        problems.add("day", "admin.schedules.error.day");
        return null;
    }

    /** A time {@code HH:mm}; blank is null, and a problem only when {@code required}. */
    static LocalTime time(String field, String value, boolean required, FormProblems problems) {
        if (isBlank(value)) {
            if (required) {
                problems.add(field, "admin.schedules.error.time");
            }
            return null;
        }
        try {
            var time = LocalTime.parse(value.strip());
            if (time.getSecond() == 0 && time.getNano() == 0) {
                return time;
            }
        } catch (DateTimeParseException e) {
            // Noted below: the same words for any time that cannot be read.
        }
        problems.add(field, "admin.schedules.error.time");
        return null;
    }

    /** A date {@code YYYY-MM-DD}; blank is null, and a problem only when {@code required}. */
    static LocalDate date(String field, String value, boolean required, FormProblems problems) {
        if (isBlank(value)) {
            if (required) {
                problems.add(field, "admin.schedules.error.date");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "admin.schedules.error.date");
            return null;
        }
    }

    private static Integer number(String field, String value, int min, int max, String key, FormProblems problems) {
        try {
            int number = Integer.parseInt(value == null ? "" : value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Noted below: a word or an empty field gets the same explanation as a number out of range.
        }
        problems.add(field, key, min, max);
        return null;
    }

    private static Set<Language> languages(List<String> codes, FormProblems problems) {
        var languages = EnumSet.noneOf(Language.class);
        if (codes != null) {
            for (var code : codes) {
                var language = Language.fromCode(code);
                if (language.isEmpty()) {
                    problems.add("languages", "admin.schedules.error.languages");
                    return null;
                }
                languages.add(language.get());
            }
        }
        if (languages.isEmpty()) {
            problems.add("languages", "admin.schedules.error.languages");
            return null;
        }
        return languages;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
