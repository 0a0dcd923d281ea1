package org.passerelle.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The team's weekly hours in Paris time, across daylight saving. */
class TeamHoursTests {

    private static final TeamHours WEEKDAYS = TeamHours.parse("MON-FRI 10:00-18:00");

    @Test
    void isOpenOnWeekdaysInParisTimeOnBothSidesOfTheSpringChange() {
        // Friday 27 March 2026, winter time (UTC+1).
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-03-27T09:00:00Z"))).isTrue();
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-03-27T08:59:00Z"))).isFalse();
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-03-27T16:59:00Z"))).isTrue();
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-03-27T17:00:00Z"))).isFalse();
        // Monday 30 March 2026, summer time (UTC+2).
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-03-30T08:00:00Z"))).isTrue();
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-03-30T07:59:00Z"))).isFalse();
        assertThat(WEEKDAYS.isOpen(Instant.parse("2026-03-28T12:00:00Z"))).isFalse();
    }

    @Test
    void nextOpeningCrossesTheWeekendAndTheClockChanges() {
        assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-03-28T12:00:00Z")))
                .map(t -> t.toInstant()).contains(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-10-24T12:00:00Z")))
                .map(t -> t.toInstant()).contains(Instant.parse("2026-10-26T09:00:00Z"));
        assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-10-26T09:30:00Z")))
                .map(t -> t.toInstant()).contains(Instant.parse("2026-10-26T09:30:00Z"));
        // After closing on Friday: Monday morning.
        assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-11-27T17:30:00Z")))
                .map(t -> t.toLocalDateTime().toString()).contains("2026-11-30T10:00");
    }

    @Test
    void aWindowThatStartsInTheSpringGapOpensJustAfterIt() {
        var night = TeamHours.parse("SUN 02:30-04:00");
        assertThat(night.nextOpening(Instant.parse("2026-03-28T12:00:00Z")))
                .map(t -> t.toInstant()).contains(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(night.isOpen(Instant.parse("2026-03-29T01:45:00Z"))).isTrue();
    }

    @Test
    void sameDayLaterWindowComesFirstAndNoWindowMeansNever() {
        var split = TeamHours.parse("TUE 09:00-12:00, tuesday 14:00-17:30; sat 10:00-12:00");
        assertThat(split.nextOpening(Instant.parse("2026-12-01T11:30:00Z")))
                .map(t -> t.toLocalTime()).contains(LocalTime.of(14, 0));
        assertThat(TeamHours.parse("").nextOpening(Instant.parse("2026-12-01T11:30:00Z"))).isEmpty();
        assertThat(TeamHours.parse(" ").isOpen(Instant.parse("2026-12-01T11:30:00Z"))).isFalse();
    }

    @Test
    void readsBackWhatItWrites() {
        var hours = TeamHours.parse("SAT-MON 9:30-12:00, WED 14:00-18:00");
        assertThat(hours.windows()).extracting(TeamHours.Window::day)
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(TeamHours.parse(hours.format())).isEqualTo(hours);
        assertThat(hours.format()).isEqualTo("MON 09:30-12:00, WED 14:00-18:00, SAT 09:30-12:00, SUN 09:30-12:00");
    }

    @Test
    void refusesWhatMakesNoSense() {
        assertThatIllegalArgumentException().isThrownBy(() -> TeamHours.parse("MON 18:00-10:00"))
                .withMessageContaining("end must be after start");
        assertThatIllegalArgumentException().isThrownBy(() -> TeamHours.parse("MON 10:00-12:00, MON 11:00-13:00"))
                .withMessageContaining("overlap");
        assertThatIllegalArgumentException().isThrownBy(() -> TeamHours.parse("MOON 10:00-12:00"))
                .withMessageContaining("day");
        assertThatIllegalArgumentException().isThrownBy(() -> TeamHours.parse("MON 10h-12h"))
                .withMessageContaining("10h");
        assertThatIllegalArgumentException().isThrownBy(() -> TeamHours.parse("MON"))
                .withMessageContaining("MON-FRI 10:00-18:00");
        assertThatIllegalArgumentException().isThrownBy(() -> new TeamHours(List.of(
                new TeamHours.Window(null, LocalTime.NOON, LocalTime.MIDNIGHT))));
    }
}
