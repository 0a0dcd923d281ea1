package org.passerelle.admin.schedule;

import java.time.LocalDate;
import java.util.List;
import org.passerelle.core.booking.ScheduleException;
import org.passerelle.core.booking.Service;

/** The form that adds one extra session on a date: its hours, slot length, places and languages. */
record ExtraForm(String date, String start, String end, String slotMinutes, String capacity,
                 List<String> languages) {

    static ExtraForm blank() {
        return new ExtraForm("", "", "", "", "1", List.of());
    }

    public boolean offers(String language) {
        return languages != null && languages.contains(language);
    }

    /**
     * The extra session this form describes.
     *
     * @return the session, or null when a problem was noted
     */
    ScheduleException toExtra(Service service, LocalDate today, FormProblems problems) {
        var on = FormFields.date("date", date, true, problems);
        if (on != null && on.isBefore(today)) {
            problems.add("date", "admin.schedules.error.past");
        }
        var session = FormFields.session(new FormFields.SessionInput(start, end, slotMinutes, capacity, languages),
                service.defaultSlotLength(), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return ScheduleException.extra(service.id(), on, session.start(), session.end(), session.slotLength(),
                session.capacity(), session.languages());
    }
}
