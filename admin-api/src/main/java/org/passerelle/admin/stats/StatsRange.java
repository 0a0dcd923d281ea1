package org.passerelle.admin.stats;

import static org.passerelle.admin.web.FieldProblem.invalid;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.passerelle.core.stats.Stats;

/**
 * The days asked for, both included: by default the last 30 days up to today (Paris). A bad
 * date, a reversed range or one longer than {@link Stats#MAX_DAYS} is a 400 problem naming the
 * field.
 */
record StatsRange(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;

    static StatsRange of(String from, String to, LocalDate today) {
        var last = to == null || to.isBlank() ? today : date("to", to);
        var first = from == null || from.isBlank() ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw invalid("from", "from must not be after to, was " + first + " → " + last);
        }
        try {
            Stats.checkRange(first, last);
        } catch (IllegalArgumentException e) {
            throw invalid("to", e.getMessage());
        }
        return new StatsRange(first, last);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be a date YYYY-MM-DD, was " + value);
        }
    }
}
