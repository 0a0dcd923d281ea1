package org.passerelle.admin.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.passerelle.core.booking.ScheduleOverlapException;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.booking.Service;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem details of the schedule API; a refused field is also named in {@code field}. */
final class ScheduleProblems {

    // The JSON field names, and the model's names for the two that differ in the JSON.
    private static final Set<String> FIELDS = Set.of("serviceId", "placeKey", "defaultSlotMinutes", "day",
            "start", "end", "slotMinutes", "capacity", "languages", "intervalWeeks", "anchor", "date", "kind",
            "from", "to");
    private static final Map<String, String> RENAMED = Map.of("slotLength", "slotMinutes",
            "defaultSlotLength", "defaultSlotMinutes");

    private ScheduleProblems() {
    }

    static Service existing(Schedules schedules, String serviceId) {
        return schedules.service(serviceId).orElseThrow(() -> notFound("no service '" + serviceId + "'"));
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(new IllegalArgumentException(field + " is required, as YYYY-MM-DD"));
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(new IllegalArgumentException(field + " must be a date YYYY-MM-DD, was " + value));
        }
    }

    static ErrorResponseException notFound(String detail) {
        var status = HttpStatus.NOT_FOUND;
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static ErrorResponseException invalid(IllegalArgumentException e) {
        var status = HttpStatus.BAD_REQUEST;
        var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        var field = field(e.getMessage());
        if (field != null) {
            problem.setProperty("field", field);
        }
        return new ErrorResponseException(status, problem, e);
    }

    static ErrorResponseException overlap(ScheduleOverlapException e) {
        var status = HttpStatus.CONFLICT;
        var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("field", "start");
        problem.setProperty("conflictsWith", e.conflictingRuleId());
        return new ErrorResponseException(status, problem, e);
    }

    /** The field a model message starts with, in its JSON name; null when it names none. */
    static String field(String message) {
        if (message == null) {
            return null;
        }
        var first = message.split("[\\s:]", 2)[0];
        var name = RENAMED.getOrDefault(first, first);
        return FIELDS.contains(name) ? name : null;
    }
}
