package org.passerelle.admin.schedule;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.passerelle.core.booking.Attendance;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Schedules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Services for staff: list, create or update one, its slots over some days with how many places
 * are booked, and the bookings of one day. An unknown service is a 404, a bad date a 400.
 */
@RestController
@RequestMapping(path = "/api/services", produces = MediaType.APPLICATION_JSON_VALUE)
class ServiceController {

    // Each slot costs a Redis call for its count; two months is what staff plan ahead.
    static final int MAX_SLOT_DAYS = 62;

    private final Schedules schedules;
    private final Bookings bookings;

    ServiceController(Schedules schedules, Bookings bookings) {
        this.schedules = schedules;
        this.bookings = bookings;
    }

    @GetMapping
    List<ScheduleApi.ServiceJson> services() {
        return schedules.services().stream().map(ScheduleApi.ServiceJson::of).toList();
    }

    @GetMapping("/{id}")
    ScheduleApi.ServiceJson service(@PathVariable String id) {
        return ScheduleApi.ServiceJson.of(ScheduleProblems.existing(schedules, id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScheduleApi.ServiceJson> save(@PathVariable String id,
            @RequestBody ScheduleApi.ServiceRequest request) {
        try {
            var service = request.toService(id);
            var created = schedules.service(id).isEmpty();
            schedules.saveService(service);
            return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(ScheduleApi.ServiceJson.of(service));
        } catch (IllegalArgumentException e) {
            throw ScheduleProblems.invalid(e);
        }
    }

    @GetMapping("/{id}/slots")
    List<ScheduleApi.SlotJson> slots(@PathVariable String id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        ScheduleProblems.existing(schedules, id);
        var first = ScheduleProblems.date("from", from);
        var last = ScheduleProblems.date("to", to);
        if (ChronoUnit.DAYS.between(first, last) >= MAX_SLOT_DAYS) {
            throw ScheduleProblems.invalid(new IllegalArgumentException(
                    "to must be less than " + MAX_SLOT_DAYS + " days after from, was " + first + " → " + last));
        }
        try {
            var slots = schedules.slots(id, first, last);
            var booked = bookings.counts(slots);
            return slots.stream()
                    .map(slot -> ScheduleApi.SlotJson.of(slot, booked.getOrDefault(slot.id(), 0L)))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw ScheduleProblems.invalid(e);
        }
    }

    @GetMapping("/{id}/bookings")
    List<ScheduleApi.BookingJson> bookings(@PathVariable String id, @RequestParam(required = false) String date) {
        ScheduleProblems.existing(schedules, id);
        var day = ScheduleProblems.date("date", date);
        return bookings.forDay(id, day).stream()
                .map(b -> ScheduleApi.BookingJson.of(b, bookings.attendance(b.code()).orElse(null)))
                .toList();
    }

    /** Staff mark whether she came: {@code {"status": "attended"}} or {@code "no-show"}. */
    @PostMapping(path = "/{id}/bookings/{code}/attendance", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> attendance(@PathVariable String id, @PathVariable String code,
            @RequestBody ScheduleApi.AttendanceRequest request) {
        ScheduleProblems.existing(schedules, id);
        var status = Attendance.fromApi(request == null ? null : request.status())
                .orElseThrow(() -> ScheduleProblems.invalid(
                        new IllegalArgumentException("status must be attended or no-show")));
        var booking = bookings.find(code).filter(b -> b.serviceId().equals(id));
        if (booking.isEmpty() || !bookings.markAttendance(booking.get().code(), status)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.noContent().build();
    }
}
