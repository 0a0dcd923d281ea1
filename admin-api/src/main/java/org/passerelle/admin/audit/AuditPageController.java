package org.passerelle.admin.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.core.audit.AuditEntry;
import org.passerelle.core.audit.AuditLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit page for admins: who did what and when, newest first, by pages of
 * {@link AuditQuery#PAGE_SIZE}, filtered by days (Paris time), person and action; and the same
 * entries as CSV (oldest first, the columns of {@code /api/audit.csv}).
 */
@Controller
@AdminPage
@RequestMapping("/admin")
class AuditPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final Map<String, String> ACTION_KEYS = Map.of(AuditEntry.SIGN_IN, "audit.action.signIn",
            AuditEntry.SIGN_IN_FAILED, "audit.action.signInFailed", AuditEntry.ACCOUNT_LOCKED, "audit.action.locked",
            AuditEntry.SIGN_IN_LOCKED, "audit.action.signInLocked", StaffAudit.FIRST_ADMIN, "audit.action.firstAdmin");

    private final AuditLog auditLog;
    private final Clock clock;

    AuditPageController(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** One line of the table: the time in Paris, the sign-in outcome's message key if it is one. */
    record Line(String time, AuditEntry entry, String actionKey, String variables) {

        static Line of(AuditEntry entry) {
            var variables = entry.variables().entrySet().stream().map(v -> v.getKey() + "=" + v.getValue())
                    .collect(Collectors.joining(" "));
            return new Line(TIME.format(entry.at().atZone(AuditQuery.PARIS)), entry, AuditPageController.actionKey(entry.action()),
                    variables);
        }
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String person, @RequestParam(required = false) String action,
            @RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
        var query = AuditQuery.of(from, to, person, action, page, clock);
        List<AuditEntry> all = query.errors().isEmpty() ? query.read(auditLog) : List.of();
        if (!query.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        var kept = new ArrayList<>(query.filter(all));
        Collections.reverse(kept);
        int pages = Math.max(1, (kept.size() + AuditQuery.PAGE_SIZE - 1) / AuditQuery.PAGE_SIZE);
        int current = Math.min(query.page(), pages);
        var shown = kept.subList((current - 1) * AuditQuery.PAGE_SIZE,
                Math.min(kept.size(), current * AuditQuery.PAGE_SIZE));
        model.addAttribute("query", query);
        model.addAttribute("lines", shown.stream().map(Line::of).toList());
        model.addAttribute("total", kept.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("truncated", all.size() >= AuditLog.MAX_READ);
        model.addAttribute("people", choices(all, AuditEntry::username, query.person()));
        model.addAttribute("actions", choices(all, AuditEntry::action, query.action()));
        return "admin/audit/index";
    }

    @GetMapping("/audit.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String person, @RequestParam(required = false) String action) {
        var query = AuditQuery.of(from, to, person, action, 1, clock);
        if (!query.errors().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from and to must be days such as 2026-11-28, "
                    + "from not after to");
        }
        var lines = new StringBuilder(AuditController.AuditCsv.HEADER).append("\r\n");
        query.filter(query.read(auditLog)).forEach(e -> lines.append(AuditController.AuditCsv.line(e)).append("\r\n"));
        var name = "passerelle-audit-" + query.from() + "-" + query.to() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(lines.toString());
    }

    /** The distinct values in the entries, sorted, with the one asked for even when absent. */
    private static List<String> choices(List<AuditEntry> entries, Function<AuditEntry, String> field,
            String asked) {
        var values = new TreeSet<String>();
        entries.forEach(entry -> values.add(field.apply(entry)));
        if (asked != null) {
            values.add(asked);
        }
        return List.copyOf(values);
    }

    /** The message key that says a sign-in outcome in words; null for a route, shown as it is. */
    static String actionKey(String action) {
        return ACTION_KEYS.get(action);
    }
}
