package org.passerelle.admin.schedule;

import java.util.List;
import org.passerelle.core.booking.Recurrence;
import org.passerelle.core.booking.ScheduleRule;
import org.passerelle.core.booking.Service;

/**
 * The form that opens a weekly session of a service, as typed: a day, hours, a slot length
 * (blank for the service's default), places per slot, languages, and how often (every week, or
 * every other week counted from a first date).
 */
record RuleForm(String day, String start, String end, String slotMinutes, String capacity, List<String> languages,
                String frequency, String from) {

    static final String WEEKLY = "weekly";
    static final String FORTNIGHTLY = "fortnightly";

    /** An empty form, with one place per slot proposed. */
    static RuleForm blank() {
        return new RuleForm("", "", "", "", "1", List.of(), WEEKLY, "");
    }

    public boolean offers(String language) {
        return languages != null && languages.contains(language);
    }

    public boolean fortnightly() {
        return FORTNIGHTLY.equals(frequency);
    }

    /**
     * The rule this form describes.
     *
     * @return the rule, or null when a problem was noted
     */
    ScheduleRule toRule(Service service, FormProblems problems) {
        var weekday = FormFields.day(day, problems);
        var session = FormFields.session(new FormFields.SessionInput(start, end, slotMinutes, capacity, languages),
                service.defaultSlotLength(), problems);
        if (frequency != null && !frequency.isBlank() && !WEEKLY.equals(frequency) && !fortnightly()) {
            problems.add("frequency", "admin.schedules.error.frequency");
        }
        var first = FormFields.date("from", from, false, problems);
        if (fortnightly() && first == null && !problems.has("from")) {
            problems.add("from", "admin.schedules.error.fortnightlyFrom");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        var recurrence = new Recurrence(fortnightly() ? 2 : 1, first);
        return new ScheduleRule(service.id(), weekday, session.start(), session.end(), session.slotLength(),
                session.capacity(), session.languages(), recurrence);
    }
}
