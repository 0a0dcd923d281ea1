package org.passerelle.admin.team;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.passerelle.core.handoff.TeamHours;

/**
 * The team's weekly hours as the page edits them: for each day, its windows as pairs of times,
 * plus one empty pair to add a window. The fields are named {@code MONDAY.0.start},
 * {@code MONDAY.0.end}… A pair left empty is no window; each refused field keeps the message
 * key that explains it, and the values typed are shown again.
 *
 * @param days   the seven days, Monday first
 * @param errors refused fields (or a day, for overlapping windows) and their message keys
 */
record HoursForm(List<Day> days, Map<String, String> errors) {

    private static final Pattern FIELD = Pattern.compile("([A-Z]+)\\.(\\d{1,2})\\.(start|end)");
    private static final int MAX_PER_DAY = 10;

    /** One day: its name in the page's language and its pairs. */
    record Day(DayOfWeek day, String label, List<Pair> pairs) {
    }

    /** A pair of fields, as typed ({@code HH:MM} or empty). */
    record Pair(String start, String end) {
    }

    /** The form showing the saved hours. */
    static HoursForm of(TeamHours hours, Locale locale) {
        var days = new ArrayList<Day>();
        for (var day : DayOfWeek.values()) {
            var pairs = new ArrayList<Pair>();
            hours.windows().stream().filter(w -> w.day() == day)
                    .forEach(w -> pairs.add(new Pair(w.start().toString(), w.end().toString())));
            pairs.add(new Pair("", ""));
            days.add(new Day(day, label(day, locale), pairs));
        }
        return new HoursForm(days, Map.of());
    }

    /** The form as sent, with its problems. */
    static HoursForm read(Map<String, String> fields, Locale locale) {
        var days = new ArrayList<Day>();
        var errors = new LinkedHashMap<String, String>();
        for (var day : DayOfWeek.values()) {
            int count = 0;
            for (var name : fields.keySet()) {
                var matcher = FIELD.matcher(name);
                if (matcher.matches() && matcher.group(1).equals(day.name())) {
                    count = Math.max(count, Math.min(Integer.parseInt(matcher.group(2)) + 1, MAX_PER_DAY));
                }
            }
            var pairs = new ArrayList<Pair>();
            for (int i = 0; i < count; i++) {
                var at = day.name() + "." + i + ".";
                pairs.add(new Pair(fields.getOrDefault(at + "start", "").strip(),
                        fields.getOrDefault(at + "end", "").strip()));
            }
            days.add(new Day(day, label(day, locale), pairs));
        }
        return new HoursForm(days, errors);
    }

    /**
     * The hours the fields give; null when a field is refused (the problems are then in
     * {@link #errors()}).
     */
    TeamHours toHours() {
        var windows = windows();
        if (windows == null) {
            return null;
        }
        try {
            return new TeamHours(windows);
        } catch (IllegalArgumentException e) {
            errors.put("windows", e.getMessage().contains("overlap") ? "team.error.hours.overlap"
                    : "team.error.hours.tooMany");
            return null;
        }
    }

    private List<TeamHours.Window> windows() {
        var windows = new ArrayList<TeamHours.Window>();
        for (var day : days) {
            for (int i = 0; i < day.pairs().size(); i++) {
                var pair = day.pairs().get(i);
                var at = day.day().name() + "." + i + ".";
                if (pair.start().isEmpty() && pair.end().isEmpty()) {
                    continue;
                }
                var start = time(pair.start(), at + "start");
                var end = time(pair.end(), at + "end");
                if (start != null && end != null) {
                    if (end.isAfter(start)) {
                        windows.add(new TeamHours.Window(day.day(), start, end));
                    } else {
                        errors.put(at + "end", "team.error.hours.order");
                    }
                }
            }
        }
        return errors.isEmpty() ? windows : null;
    }

    private LocalTime time(String value, String field) {
        if (value.isEmpty()) {
            errors.put(field, "team.error.hours.missing");
            return null;
        }
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            errors.put(field, "team.error.hours.time");
            return null;
        }
    }

    private static String label(DayOfWeek day, Locale locale) {
        var name = day.getDisplayName(TextStyle.FULL, locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
