package org.passerelle.admin.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.core.audit.AuditEntry;
import org.passerelle.core.audit.AuditLog;

/**
 * What the audit page asks for: whole days in Paris time (by default the last 7 up to today),
 * optionally one person and one action, and a page of {@link #PAGE_SIZE} entries, newest first.
 * A date that cannot be read, or a reversed range, is a refused field with its message key.
 *
 * @param errors refused fields and their message keys
 */
record AuditQuery(LocalDate from, LocalDate to, String person, String action, int page, Map<String, String> errors) {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int PAGE_SIZE = 50;
    static final int DEFAULT_DAYS = 7;

    static AuditQuery of(String from, String to, String person, String action, Integer page, Clock clock) {
        var errors = new LinkedHashMap<String, String>();
        var today = LocalDate.ofInstant(clock.instant(), PARIS);
        var last = day(to, "to", errors);
        last = last == null ? today : last;
        var first = day(from, "from", errors);
        first = first == null ? last.minusDays(DEFAULT_DAYS - 1) : first;
        if (first.isAfter(last)) {
            errors.put("to", "audit.error.order");
            first = last;
        }
        return new AuditQuery(first, last, blankToNull(person), blankToNull(action),
                page == null || page < 1 ? 1 : page, errors);
    }

    /** Everything recorded on the days asked for, oldest first, at most {@link AuditLog#MAX_READ}. */
    List<AuditEntry> read(AuditLog log) {
        return log.between(from.atStartOfDay(PARIS).toInstant(), to.plusDays(1).atStartOfDay(PARIS).toInstant(),
                AuditLog.MAX_READ);
    }

    /** The entries of one person and one action, when asked for, in the order given. */
    List<AuditEntry> filter(List<AuditEntry> entries) {
        var kept = new ArrayList<AuditEntry>();
        for (var entry : entries) {
            if ((person == null || person.equals(entry.username())) && (action == null || action.equals(entry.action()))) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private static LocalDate day(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.error.date");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
