package org.passerelle.admin.team;

import static org.passerelle.admin.web.FieldProblem.invalid;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.handoff.TeamHours;
import org.passerelle.core.handoff.TeamHoursStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mediators' weekly hours, in Paris time: {@code GET /api/team/hours} shows them with whether
 * the team is there now and when it is next; {@code PUT} replaces them with
 * {@code {"windows": [{"day": "MONDAY", "start": "10:00", "end": "18:00"}]}} (an empty list: the
 * team is never there). A bad field is a 400 problem detail naming it in {@code field}.
 */
@RestController
@RequestMapping(path = "/api/team/hours", produces = MediaType.APPLICATION_JSON_VALUE)
class TeamHoursController {

    private final TeamHoursStore hours;
    private final Clock clock;

    TeamHoursController(TeamHoursStore hours, Clock clock) {
        this.hours = hours;
        this.clock = clock;
    }

    @GetMapping
    HoursJson current() {
        return HoursJson.of(hours.current(), clock);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    HoursJson replace(@RequestBody(required = false) HoursRequest request) {
        var parsed = toHours(request);
        hours.save(parsed);
        return HoursJson.of(parsed, clock);
    }

    /** The hours a request asks for; every refusal names its field. */
    static TeamHours toHours(HoursRequest request) {
        if (request == null || request.windows() == null) {
            throw invalid("windows", "windows is required (an empty list closes the team)");
        }
        if (request.windows().size() > TeamHours.MAX_WINDOWS) {
            throw invalid("windows", "windows: at most " + TeamHours.MAX_WINDOWS);
        }
        var windows = new ArrayList<TeamHours.Window>();
        for (int i = 0; i < request.windows().size(); i++) {
            var window = request.windows().get(i);
            var at = "windows[" + i + "].";
            if (window == null) {
                throw invalid("windows", "windows[" + i + "] must not be null");
            }
            try {
                windows.add(new TeamHours.Window(TeamHours.day(window.day()), time(at + "start", window.start()),
                        time(at + "end", window.end())));
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage().startsWith("day") ? at + "day"
                        : e.getMessage().startsWith("end") ? at + "end" : "windows", at + e.getMessage());
            }
        }
        try {
            return new TeamHours(windows);
        } catch (IllegalArgumentException e) {
            throw invalid("windows", e.getMessage());
        }
    }

    private static LocalTime time(String field, String value) {
        if (value == null || !value.strip().matches("\\d{1,2}:\\d{2}")) {
            throw invalid(field, field + " must be a time HH:MM, was " + value);
        }
        var text = value.strip();
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be a time HH:MM, was " + value);
        }
    }

    /** A request to replace the hours. */
    record HoursRequest(List<WindowJson> windows) {
    }

    /** One weekly window: the day in English ({@code MONDAY} or {@code MON}), times {@code HH:MM}. */
    record WindowJson(String day, String start, String end) {

        static WindowJson of(TeamHours.Window window) {
            return new WindowJson(window.day().name(), window.start().toString(), window.end().toString());
        }
    }

    /**
     * The hours as shown.
     *
     * @param zone        always {@code Europe/Paris}
     * @param openNow     whether the team is there now
     * @param nextOpening when someone answers next (now when open), ISO-8601 with offset; null when never
     */
    record HoursJson(String zone, List<WindowJson> windows, boolean openNow, String nextOpening) {

        static HoursJson of(TeamHours hours, Clock clock) {
            var now = clock.instant();
            return new HoursJson(TeamHours.ZONE.getId(), hours.windows().stream().map(WindowJson::of).toList(),
                    hours.isOpen(now), hours.nextOpening(now).map(t -> t.toOffsetDateTime().toString()).orElse(null));
        }
    }
}
