package org.passerelle.admin.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Booking;
import org.passerelle.core.booking.ScheduleException;
import org.passerelle.core.booking.Service;
import org.passerelle.core.booking.Slot;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class ScheduleApiTests {

    private static final Service LAWYER = new Service("lawyer", "bus.schedule", Duration.ofMinutes(30), true);

    private static ScheduleApi.RuleRequest rule(String day, String start, String end, Integer capacity,
                                                List<String> languages) {
        return new ScheduleApi.RuleRequest(day, start, end, null, capacity, languages, null, null);
    }

    @Test
    void ruleTakesTheServiceDefaultSlotLengthAndEveryWeekWhenLeftOut() {
        var rule = rule("thursday", "18:00", "20:00", 3, List.of("fr", "ZH")).toRule(LAWYER);

        assertThat(rule.day()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(rule.slotLength()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rule.recurrence().intervalWeeks()).isEqualTo(1);
        assertThat(rule.languages()).containsExactlyInAnyOrder(Language.FR, Language.ZH);
    }

    @Test
    void everyOtherWeekRuleNeedsItsAnchor() {
        var request = new ScheduleApi.RuleRequest("THURSDAY", "18:00", "20:00", 60, 2, List.of("fr"), 2, null);

        assertThatIllegalArgumentException().isThrownBy(() -> request.toRule(LAWYER))
                .satisfies(e -> assertThat(ScheduleProblems.field(e.getMessage())).isEqualTo("anchor"));
    }

    @Test
    void eachRefusedRuleFieldIsNamed() {
        assertThat(refusedField(rule(null, "18:00", "20:00", 1, List.of("fr")))).isEqualTo("day");
        assertThat(refusedField(rule("someday", "18:00", "20:00", 1, List.of("fr")))).isEqualTo("day");
        assertThat(refusedField(rule("MONDAY", "6pm", "20:00", 1, List.of("fr")))).isEqualTo("start");
        assertThat(refusedField(rule("MONDAY", "18:00", "17:00", 1, List.of("fr")))).isEqualTo("end");
        assertThat(refusedField(rule("MONDAY", "18:00", "20:00", 0, List.of("fr")))).isEqualTo("capacity");
        assertThat(refusedField(rule("MONDAY", "18:00", "20:00", null, List.of("fr")))).isEqualTo("capacity");
        assertThat(refusedField(rule("MONDAY", "18:00", "20:00", 1, List.of()))).isEqualTo("languages");
        assertThat(refusedField(rule("MONDAY", "18:00", "20:00", 1, List.of("xx")))).isEqualTo("languages");
        assertThat(refusedField(new ScheduleApi.RuleRequest("MONDAY", "18:00", "18:20", 30, 1, List.of("fr"),
                null, null))).isEqualTo("slotMinutes");
        assertThat(refusedField(new ScheduleApi.RuleRequest("MONDAY", "18:00", "20:00", 0, 1, List.of("fr"),
                null, null))).isEqualTo("slotMinutes");
    }

    @Test
    void closureNeedsNoSessionFieldsAndExtraSessionNeedsThem() {
        var allDay = new ScheduleApi.ExceptionRequest("2026-12-25", "closed", null, null, null, null, null)
                .toException(LAWYER);
        var extra = new ScheduleApi.ExceptionRequest("2026-12-22", "EXTRA", "14:00", "15:00", null, 2,
                List.of("en")).toException(LAWYER);

        assertThat(allDay.allDay()).isTrue();
        assertThat(extra.kind()).isEqualTo(ScheduleException.Kind.EXTRA);
        assertThat(extra.slotLength()).isEqualTo(Duration.ofMinutes(30));
        assertThatIllegalArgumentException().isThrownBy(() -> new ScheduleApi.ExceptionRequest("2026-12-22",
                "extra", "14:00", "15:00", null, 2, null).toException(LAWYER)).withMessageStartingWith("languages");
        assertThatIllegalArgumentException().isThrownBy(() -> new ScheduleApi.ExceptionRequest("2026-12-22",
                "holiday", null, null, null, null, null).toException(LAWYER)).withMessageStartingWith("kind");
    }

    @Test
    void badDateIsABadRequestNamingTheField() {
        assertThatThrownBy(() -> ScheduleProblems.date("from", "2026-13-01"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getBody().getProperties()).containsEntry("field", "from");
                    assertThat(e.getBody().getDetail()).contains("YYYY-MM-DD");
                });
        assertThat(ScheduleProblems.date("to", " 2026-12-01 ")).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void slotsAndBookingsAreShownInParisOffsetTimeWithoutAnyoneBehindThem() {
        var start = ZonedDateTime.parse("2026-12-03T17:00Z");
        var slot = new Slot("lawyer", start, start.plusMinutes(30), 3, Set.of(Language.FR));
        var booking = new Booking("K7P2X", "lawyer", slot.id(), slot.start(), slot.end(), "pseudonym-1",
                Optional.empty(), Language.ZH, start.toInstant());

        var json = ScheduleApi.SlotJson.of(slot, 2);
        var staff = ScheduleApi.BookingJson.of(booking);

        assertThat(json.start()).isEqualTo("2026-12-03T18:00:00+01:00");
        assertThat(json.booked()).isEqualTo(2);
        assertThat(staff).isEqualTo(new ScheduleApi.BookingJson("K7P2X", "2026-12-03T18:00:00+01:00",
                "2026-12-03T18:30:00+01:00", "zh", "zh", null, null));
        assertThat(staff.toString()).doesNotContain("pseudonym-1");
    }

    @Test
    void staffSeeTheNicknameAndWhetherAnInterpreterIsNeeded() {
        var start = ZonedDateTime.parse("2026-12-03T17:00Z");
        var slot = new Slot("lawyer", start, start.plusMinutes(30), 3, Set.of(Language.FR, Language.RO));
        var withInterpreter = new Booking("K7P2X", "lawyer", slot.id(), slot.start(), slot.end(), "pseudonym-1",
                Optional.of("Mimi"), Language.RO, start.toInstant());
        var inFrench = new Booking("B4C8D", "lawyer", slot.id(), slot.start(), slot.end(), "pseudonym-2",
                Optional.empty(), Language.FR, start.toInstant());

        assertThat(ScheduleApi.BookingJson.of(withInterpreter)).satisfies(json -> {
            assertThat(json.nickname()).isEqualTo("Mimi");
            assertThat(json.language()).isEqualTo("ro");
            assertThat(json.interpreterLanguage()).isEqualTo("ro");
        });
        assertThat(ScheduleApi.BookingJson.of(inFrench)).satisfies(json -> {
            assertThat(json.nickname()).isNull();
            assertThat(json.language()).isEqualTo("fr");
            assertThat(json.interpreterLanguage()).isNull();
        });
    }

    private static String refusedField(ScheduleApi.RuleRequest request) {
        try {
            request.toRule(LAWYER);
        } catch (IllegalArgumentException e) {
            return ScheduleProblems.field(e.getMessage());
        }
        throw new AssertionError("accepted " + request);
    }
}
