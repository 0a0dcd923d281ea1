package org.passerelle.admin.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.passerelle.core.audit.AuditEntry;
import org.passerelle.core.audit.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit log for admins: {@code GET /api/audit?from=&to=} as JSON and
 * {@code GET /api/audit.csv?from=&to=} as CSV, oldest first. {@code from} and {@code to} are
 * instants ({@code 2026-11-28T14:00:00Z}) or days ({@code 2026-11-28}, a whole day for
 * {@code to}); by default the last 7 days. A bad range is a 400.
 */
@RestController
class AuditController {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditLog auditLog;
    private final Clock clock;

    AuditController(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** One entry as JSON. */
    record EntryJson(String at, String username, String role, String action, Map<String, String> variables,
            Integer status) {

        static EntryJson of(AuditEntry entry) {
            return new EntryJson(entry.at().toString(), entry.username(), entry.role(), entry.action(),
                    entry.variables(), entry.status());
        }
    }

    @GetMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    List<EntryJson> entries(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1000") int limit) {
        return read(from, to, limit).stream().map(EntryJson::of).toList();
    }

    @GetMapping(path = "/api/audit.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var lines = new StringBuilder(AuditCsv.HEADER).append("\r\n");
        read(from, to, AuditLog.MAX_READ).forEach(entry -> lines.append(AuditCsv.line(entry)).append("\r\n"));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
                .body(lines.toString());
    }

    private List<AuditEntry> read(String from, String to, int limit) {
        var end = to == null || to.isBlank() ? clock.instant() : instant(to, "to", true);
        var start = from == null || from.isBlank() ? end.minus(DEFAULT_RANGE) : instant(from, "from", false);
        if (end.isBefore(start)) {
            throw badRequest("'to' is before 'from'");
        }
        if (limit < 1 || limit > AuditLog.MAX_READ) {
            throw badRequest("limit must be between 1 and " + AuditLog.MAX_READ);
        }
        return auditLog.between(start, end, limit);
    }

    private static Instant instant(String value, String name, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                var day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest("'" + name + "' must be a day (2026-11-28) or an instant (2026-11-28T14:00:00Z)");
        }
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    /** The CSV columns and the quoting of a cell. */
    static final class AuditCsv {

        static final String HEADER = "time,username,role,action,variables,status";

        private AuditCsv() {
        }

        static String line(AuditEntry entry) {
            var variables = entry.variables().entrySet().stream().map(v -> v.getKey() + "=" + v.getValue())
                    .collect(Collectors.joining(" "));
            return String.join(",", cell(entry.at().toString()), cell(entry.username()), cell(entry.role()),
                    cell(entry.action()), cell(variables), entry.status() == null ? "" : entry.status().toString());
        }

        static String cell(String value) {
            // A spreadsheet would run a cell that starts like a formula.
            var safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
                return "\"" + safe.replace("\"", "\"\"") + "\"";
            }
            return safe;
        }
    }
}
