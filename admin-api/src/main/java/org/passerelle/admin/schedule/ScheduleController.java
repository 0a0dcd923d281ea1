package org.passerelle.admin.schedule;

import java.net.URI;
import java.util.List;
import org.passerelle.core.booking.ScheduleOverlapException;
import org.passerelle.core.booking.Schedules;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The weekly rules and the exceptions of a service. A refused field is a 400 that names it; a
 * rule overlapping a stored one is a 409 that names the other rule.
 */
@RestController
@RequestMapping(path = "/api/services/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class ScheduleController {

    private final Schedules schedules;

    ScheduleController(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/rules")
    List<ScheduleApi.RuleJson> rules(@PathVariable String id) {
        ScheduleProblems.existing(schedules, id);
        return schedules.rules(id).stream().map(ScheduleApi.RuleJson::of).toList();
    }

    @PostMapping(path = "/rules", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScheduleApi.RuleJson> addRule(@PathVariable String id,
            @RequestBody ScheduleApi.RuleRequest request) {
        var service = ScheduleProblems.existing(schedules, id);
        try {
            var stored = schedules.addRule(request.toRule(service));
            return ResponseEntity.created(URI.create("/api/services/" + id + "/rules/" + stored.id()))
                    .body(ScheduleApi.RuleJson.of(stored));
        } catch (ScheduleOverlapException e) {
            throw ScheduleProblems.overlap(e);
        } catch (IllegalArgumentException e) {
            throw ScheduleProblems.invalid(e);
        }
    }

    @DeleteMapping("/rules/{ruleId}")
    ResponseEntity<Void> removeRule(@PathVariable String id, @PathVariable String ruleId) {
        ScheduleProblems.existing(schedules, id);
        if (!schedules.removeRule(id, ruleId)) {
            throw ScheduleProblems.notFound("no rule '" + ruleId + "' in service '" + id + "'");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/exceptions")
    List<ScheduleApi.ExceptionJson> exceptions(@PathVariable String id) {
        ScheduleProblems.existing(schedules, id);
        return schedules.exceptions(id).stream().map(ScheduleApi.ExceptionJson::of).toList();
    }

    @PostMapping(path = "/exceptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScheduleApi.ExceptionJson> addException(@PathVariable String id,
            @RequestBody ScheduleApi.ExceptionRequest request) {
        var service = ScheduleProblems.existing(schedules, id);
        try {
            var stored = schedules.addException(request.toException(service));
            return ResponseEntity.created(URI.create("/api/services/" + id + "/exceptions/" + stored.id()))
                    .body(ScheduleApi.ExceptionJson.of(stored));
        } catch (IllegalArgumentException e) {
            throw ScheduleProblems.invalid(e);
        }
    }

    @DeleteMapping("/exceptions/{exceptionId}")
    ResponseEntity<Void> removeException(@PathVariable String id, @PathVariable String exceptionId) {
        ScheduleProblems.existing(schedules, id);
        if (!schedules.removeException(id, exceptionId)) {
            throw ScheduleProblems.notFound("no exception '" + exceptionId + "' in service '" + id + "'");
        }
        return ResponseEntity.noContent().build();
    }
}
