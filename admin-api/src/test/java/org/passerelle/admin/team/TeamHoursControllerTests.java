package org.passerelle.admin.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.admin.team.TeamHoursController.HoursRequest;
import org.passerelle.admin.team.TeamHoursController.WindowJson;
import org.passerelle.core.handoff.TeamHours;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class TeamHoursControllerTests {

    private static HoursRequest request(WindowJson... windows) {
        return new HoursRequest(Arrays.asList(windows));
    }

    private static void refused(HoursRequest request, String field, String detail) {
        assertThatThrownBy(() -> TeamHoursController.toHours(request))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getBody().getProperties()).containsEntry("field", field);
                    assertThat(e.getBody().getDetail()).contains(detail);
                });
    }

    @Test
    void readsDaysInFullOrShortAndTimesWithOrWithoutALeadingZero() {
        var hours = TeamHoursController.toHours(request(new WindowJson("monday", "9:30", "12:00"),
                new WindowJson("SAT", "14:00", "17:30")));
        assertThat(hours.windows()).containsExactly(
                new TeamHours.Window(DayOfWeek.MONDAY, LocalTime.of(9, 30), LocalTime.NOON),
                new TeamHours.Window(DayOfWeek.SATURDAY, LocalTime.of(14, 0), LocalTime.of(17, 30)));
        assertThat(TeamHoursController.toHours(request()).windows()).isEmpty();
    }

    @Test
    void namesTheFieldItRefuses() {
        refused(null, "windows", "required");
        refused(new HoursRequest(null), "windows", "required");
        refused(request(new WindowJson("moonday", "10:00", "12:00")), "windows[0].day", "moonday");
        refused(request(new WindowJson("MON", "10h", "12:00")), "windows[0].start", "HH:MM");
        refused(request(new WindowJson("MON", "10:00", "25:00")), "windows[0].end", "HH:MM");
        refused(request(new WindowJson("MON", "10:00", "12:00"), new WindowJson("TUE", "12:00", "10:00")),
                "windows[1].end", "after start");
        refused(request(new WindowJson("MON", "10:00", "12:00"), new WindowJson("MON", "11:00", "13:00")),
                "windows", "overlap");
        refused(request(new WindowJson[TeamHours.MAX_WINDOWS + 1]), "windows", "at most");
        refused(request((WindowJson) null), "windows", "null");
    }

    @Test
    void showsWhetherTheTeamIsThereAndWhenNext() {
        var saturdayEvening = Clock.fixed(Instant.parse("2026-11-28T20:00:00Z"), ZoneOffset.UTC);
        var json = TeamHoursController.HoursJson.of(TeamHours.parse("MON-FRI 10:00-18:00"), saturdayEvening);
        assertThat(json.zone()).isEqualTo("Europe/Paris");
        assertThat(json.openNow()).isFalse();
        assertThat(json.nextOpening()).isEqualTo("2026-11-30T10:00+01:00");
        assertThat(json.windows()).hasSize(5).first().isEqualTo(new WindowJson("MONDAY", "10:00", "18:00"));
        assertThat(TeamHoursController.HoursJson.of(TeamHours.parse(""), saturdayEvening).nextOpening()).isNull();
        assertThat(List.of(json.windows().get(4).day())).containsExactly("FRIDAY");
    }
}
