package org.passerelle.core.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When the mediators answer: weekly opening windows in Paris time (Europe/Paris), correct
 * across daylight saving. No window at all means the team is never there and the chat says so.
 *
 * <p>Text form, as in the settings: {@code MON-FRI 10:00-18:00, SAT 14:00-17:00} (English day
 * names, three letters or in full, a single day or a range).
 *
 * @param windows the windows, none overlapping another on the same day
 */
public record TeamHours(List<Window> windows) {

    /** The team's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** More windows than this is a mistake, not a rota. */
    public static final int MAX_WINDOWS = 50;

    /**
     * @throws IllegalArgumentException when windows overlap or there are too many
     */
    public TeamHours {
        Objects.requireNonNull(windows, "windows");
        if (windows.size() > MAX_WINDOWS) {
            throw new IllegalArgumentException("windows: at most " + MAX_WINDOWS + ", were " + windows.size());
        }
        var sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(Window::day).thenComparing(Window::start));
        for (int i = 1; i < sorted.size(); i++) {
            var before = sorted.get(i - 1);
            var after = sorted.get(i);
            if (before.day() == after.day() && after.start().isBefore(before.end())) {
                throw new IllegalArgumentException("windows: " + before + " and " + after + " overlap");
            }
        }
        windows = List.copyOf(sorted);
    }

    /**
     * One weekly window, in Paris time, within one day.
     *
     * @param day   the day of the week
     * @param start the opening time
     * @param end   the closing time, after the start
     */
    public record Window(DayOfWeek day, LocalTime start, LocalTime end) {

        /** @throws IllegalArgumentException when a field is missing or the end is not after the start */
        public Window {
            if (day == null || start == null || end == null) {
                throw new IllegalArgumentException("day, start and end are required");
            }
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("end must be after start, was " + start + "-" + end);
            }
        }

        boolean contains(ZonedDateTime local) {
            var time = local.toLocalTime();
            return local.getDayOfWeek() == day && !time.isBefore(start) && time.isBefore(end);
        }

        @Override
        public String toString() {
            return day.name().substring(0, 3) + " " + start + "-" + end;
        }
    }

    /** Whether someone of the team answers at this instant. */
    public boolean isOpen(Instant at) {
        var local = at.atZone(ZONE);
        return windows.stream().anyMatch(window -> window.contains(local));
    }

    /**
     * When someone answers next: this very instant while the team is there, else the start of the
     * next window, in Paris time; empty when there is no window at all.
     */
    public Optional<ZonedDateTime> nextOpening(Instant at) {
        var local = at.atZone(ZONE);
        if (isOpen(at)) {
            return Optional.of(local);
        }
        var date = local.toLocalDate();
        // Eight days: today's later windows, the six days after, and today's weekday next week.
        for (int days = 0; days <= 7; days++) {
            var day = date.plusDays(days);
            var opening = windows.stream()
                    .filter(window -> window.day() == day.getDayOfWeek())
                    // A start inside the spring-forward gap moves to just after it.
                    .map(window -> ZonedDateTime.of(day, window.start(), ZONE))
                    .filter(start -> start.toInstant().isAfter(at))
                    .min(Comparator.naturalOrder());
            if (opening.isPresent()) {
                return opening;
            }
        }
        return Optional.empty();
    }

    /** The text form, which {@link #parse} reads back. */
    public String format() {
        return String.join(", ", windows.stream().map(Window::toString).toList());
    }

    /**
     * Reads the text form; blank means no window.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static TeamHours parse(String text) {
        var windows = new ArrayList<Window>();
        if (text == null || text.isBlank()) {
            return new TeamHours(windows);
        }
        for (var part : text.split("[,;]")) {
            var trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            var fields = trimmed.split("\\s+");
            var times = fields.length == 2 ? fields[1].split("-") : new String[0];
            if (times.length != 2) {
                throw new IllegalArgumentException("hours: cannot read '" + trimmed + "', expected e.g. MON-FRI 10:00-18:00");
            }
            var start = time(times[0], trimmed);
            var end = time(times[1], trimmed);
            for (var day : days(fields[0], trimmed)) {
                windows.add(new Window(day, start, end));
            }
        }
        return new TeamHours(windows);
    }

    /**
     * A day of the week in English, three letters or in full, any case.
     *
     * @throws IllegalArgumentException when it is no day
     */
    public static DayOfWeek day(String name) {
        var wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (var day : DayOfWeek.values()) {
            if (wanted.length() >= 3 && day.name().startsWith(wanted) && (wanted.length() == 3
                    || wanted.equals(day.name()))) {
                return day;
            }
        }
        throw new IllegalArgumentException("day: '" + name + "' is not a day of the week");
    }

    private static List<DayOfWeek> days(String range, String part) {
        var ends = range.split("-");
        if (ends.length > 2) {
            throw new IllegalArgumentException("hours: cannot read the days of '" + part + "'");
        }
        var first = day(ends[0]);
        var last = ends.length == 2 ? day(ends[1]) : first;
        var days = new ArrayList<DayOfWeek>();
        for (var day = first; ; day = day.plus(1)) {
            days.add(day);
            if (day == last) {
                return days;
            }
        }
    }

    private static LocalTime time(String value, String part) {
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("hours: '" + value + "' in '" + part + "' is not a time HH:MM");
        }
    }
}
