package org.passerelle.admin.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.booking.ScheduleException;

/**
 * The form that closes a service: one date or a run of dates (holidays), all day or only
 * between two times. Each date becomes one closure, which the page shows grouped again.
 */
record ClosureForm(String from, String to, String start, String end) {

    /** The longest run of dates closed at once: about a summer. */
    static final int MAX_DAYS = 92;

    static ClosureForm blank() {
        return new ClosureForm("", "", "", "");
    }

    /**
     * The closures this form describes, one per date.
     *
     * @return the closures, or an empty list when a problem was noted
     */
    List<ScheduleException> toClosures(String serviceId, LocalDate today, FormProblems problems) {
        var first = FormFields.date("from", from, true, problems);
        var last = FormFields.date("to", to, false, problems);
        if (first != null && first.isBefore(today)) {
            problems.add("from", "admin.schedules.error.past");
        }
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add("to", "admin.schedules.error.toBeforeFrom");
            } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
                problems.add("to", "admin.schedules.error.tooManyDays", MAX_DAYS);
            }
        }
        var opens = FormFields.time("start", start, false, problems);
        var closes = FormFields.time("end", end, false, problems);
        if (opens == null && closes != null && !problems.has("start")) {
            problems.add("start", "admin.schedules.error.closureHours");
        } else if (opens != null && closes == null && !problems.has("end")) {
            problems.add("end", "admin.schedules.error.closureHours");
        } else if (opens != null && !closes.isAfter(opens)) {
            problems.add("end", "admin.schedules.error.endBeforeStart", opens.toString(), closes.toString());
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        var closures = new ArrayList<ScheduleException>();
        for (var date = first; !date.isAfter(last == null ? first : last); date = date.plusDays(1)) {
            closures.add(opens == null ? ScheduleException.closedAllDay(serviceId, date)
                    : ScheduleException.closedBetween(serviceId, date, opens, closes));
        }
        return closures;
    }
}
