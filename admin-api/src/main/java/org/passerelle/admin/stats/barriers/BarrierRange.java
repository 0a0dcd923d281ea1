package org.passerelle.admin.stats.barriers;

import static org.passerelle.admin.web.FieldProblem.invalid;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.passerelle.core.barriers.Barriers;

/**
 * The months asked for, both included: by default the twelve months up to this one (Paris). A
 * bad month, a reversed range or one longer than {@link Barriers#MAX_MONTHS} is a 400 problem
 * naming the field.
 */
record BarrierRange(YearMonth from, YearMonth to) {

    static final int DEFAULT_MONTHS = 12;

    static BarrierRange of(String from, String to, YearMonth thisMonth) {
        var last = to == null || to.isBlank() ? thisMonth : month("to", to);
        var first = from == null || from.isBlank() ? last.minusMonths(DEFAULT_MONTHS - 1) : month("from", from);
        if (first.isAfter(last)) {
            throw invalid("from", "from must not be after to, was " + first + " → " + last);
        }
        try {
            Barriers.checkRange(first, last);
        } catch (IllegalArgumentException e) {
            throw invalid("to", e.getMessage());
        }
        return new BarrierRange(first, last);
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be a month YYYY-MM, was " + value);
        }
    }
}
