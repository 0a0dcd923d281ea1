package org.passerelle.admin.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.booking.Slot;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The iCalendar feed of a service's bookings, for the staff's calendars: behind a secret token in
 * its address, and carrying only the time, the booking code and the language of each booking.
 */
@RestController
class CalendarController {

    private static final int DAYS = 56;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Schedules schedules;
    private final Bookings bookings;
    private final Clock clock;

    CalendarController(Schedules schedules, Bookings bookings, Clock clock) {
        this.schedules = schedules;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** The address of the feed, for an admin to put in the staff's calendar. */
    @GetMapping(path = "/api/services/{id}/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> address(@PathVariable String id) {
        ScheduleProblems.existing(schedules, id);
        return Map.of("url", "/calendar/" + id + "/" + schedules.calendarToken(id) + ".ics");
    }

    @GetMapping("/calendar/{id}/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String id, @PathVariable String token) {
        if (schedules.service(id).isEmpty() || !schedules.calendarTokenMatches(id, token)) {
            return ResponseEntity.notFound().build();
        }
        var now = clock.instant();
        var out = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Passerelle//Appointments//FR\r\n");
        var today = LocalDate.ofInstant(now, Slot.PARIS);
        for (int d = 0; d < DAYS; d++) {
            for (var booking : bookings.forDay(id, today.plusDays(d))) {
                out.append("BEGIN:VEVENT\r\n")
                        .append("UID:").append(booking.code()).append("@passerelle\r\n")
                        .append("DTSTAMP:").append(UTC.format(now)).append("\r\n")
                        .append("DTSTART:").append(UTC.format(booking.start())).append("\r\n")
                        .append("DTEND:").append(UTC.format(booking.end())).append("\r\n")
                        .append("SUMMARY:").append(booking.code()).append(" (")
                        .append(booking.interpreterLanguage().code()).append(")\r\n")
                        .append("END:VEVENT\r\n");
            }
        }
        out.append("END:VCALENDAR\r\n");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header("Cache-Control", "no-store")
                .body(out.toString());
    }
}
