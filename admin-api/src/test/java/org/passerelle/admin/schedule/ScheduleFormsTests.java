package org.passerelle.admin.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Service;

/** The schedule forms read what an admin types, and name each field that is wrong. */
class ScheduleFormsTests {

    private static final Service LAWYER = new Service("lawyer", "bus.schedule", Duration.ofMinutes(30), true);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static RuleForm rule(String day, String start, String end, String slot, String capacity,
            List<String> languages) {
        return new RuleForm(day, start, end, slot, capacity, languages, "weekly", "");
    }

    @Test
    void aThursdayEveningBecomesAWeeklyRuleWithTheServicesSlotLengthWhenNoneIsTyped() {
        var problems = new FormProblems();

        var rule = rule("THURSDAY", "18:00", "21:00", "", "2", List.of("fr", "ar")).toRule(LAWYER, problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(rule.day()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(rule.start()).isEqualTo(LocalTime.of(18, 0));
        assertThat(rule.slotLength()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rule.capacity()).isEqualTo(2);
        assertThat(rule.languages()).containsExactlyInAnyOrder(Language.FR, Language.AR);
        assertThat(rule.recurrence().intervalWeeks()).isEqualTo(1);
        assertThat(rule.recurrence().anchor()).isNull();
    }

    @Test
    void anEndBeforeTheStartIsNamedOnTheEndField() {
        var problems = new FormProblems();

        var rule = rule("THURSDAY", "18:00", "17:00", "30", "2", List.of("fr")).toRule(LAWYER, problems);

        assertThat(rule).isNull();
        assertThat(problems.key("end")).isEqualTo("admin.schedules.error.endBeforeStart");
        assertThat(problems.has("start")).isFalse();
    }

    @Test
    void everyUnreadableFieldIsNamedAtOnce() {
        var problems = new FormProblems();

        var rule = rule("FUNDAY", "6pm", "", "0", "lots", List.of()).toRule(LAWYER, problems);

        assertThat(rule).isNull();
        assertThat(problems.key("day")).isEqualTo("admin.schedules.error.day");
        assertThat(problems.key("start")).isEqualTo("admin.schedules.error.time");
        assertThat(problems.key("end")).isEqualTo("admin.schedules.error.time");
        assertThat(problems.key("slotMinutes")).isEqualTo("admin.schedules.error.slotMinutes");
        assertThat(problems.key("capacity")).isEqualTo("admin.schedules.error.capacity");
        assertThat(problems.key("languages")).isEqualTo("admin.schedules.error.languages");
    }

    @Test
    void aSlotLongerThanTheSessionAndAnUnknownLanguageAreRefused() {
        var problems = new FormProblems();

        rule("MONDAY", "10:00", "10:20", "30", "1", List.of("fr", "xx")).toRule(LAWYER, problems);

        assertThat(problems.key("slotMinutes")).isEqualTo("admin.schedules.error.slotTooLong");
        assertThat(problems.key("languages")).isEqualTo("admin.schedules.error.languages");
    }

    @Test
    void everyOtherWeekNeedsTheDateOfTheFirstSession() {
        var without = new FormProblems();
        new RuleForm("THURSDAY", "18:00", "21:00", "", "2", List.of("fr"), "fortnightly", "").toRule(LAWYER, without);
        assertThat(without.key("from")).isEqualTo("admin.schedules.error.fortnightlyFrom");

        var with = new FormProblems();
        var rule = new RuleForm("THURSDAY", "18:00", "21:00", "", "2", List.of("fr"), "fortnightly", "2026-12-03")
                .toRule(LAWYER, with);
        assertThat(with.isEmpty()).isTrue();
        assertThat(rule.recurrence().intervalWeeks()).isEqualTo(2);
        assertThat(rule.recurrence().anchor()).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void aRunOfDaysBecomesOneAllDayClosurePerDate() {
        var problems = new FormProblems();

        var closures = new ClosureForm("2026-12-24", "2026-12-26", "", "").toClosures("lawyer", TODAY, problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(closures).hasSize(3).allSatisfy(c -> assertThat(c.allDay()).isTrue());
        assertThat(closures.get(2).date()).isEqualTo(LocalDate.of(2026, 12, 26));
    }

    @Test
    void aClosureNeedsBothHoursOrNoneAndADateToCome() {
        var oneHour = new FormProblems();
        assertThat(new ClosureForm("2026-12-24", "", "10:00", "").toClosures("lawyer", TODAY, oneHour)).isEmpty();
        assertThat(oneHour.key("end")).isEqualTo("admin.schedules.error.closureHours");

        var past = new FormProblems();
        new ClosureForm("2026-11-27", "", "", "").toClosures("lawyer", TODAY, past);
        assertThat(past.key("from")).isEqualTo("admin.schedules.error.past");

        var backwards = new FormProblems();
        new ClosureForm("2026-12-24", "2026-12-20", "", "").toClosures("lawyer", TODAY, backwards);
        assertThat(backwards.key("to")).isEqualTo("admin.schedules.error.toBeforeFrom");

        var tooLong = new FormProblems();
        new ClosureForm("2026-12-01", "2027-06-01", "", "").toClosures("lawyer", TODAY, tooLong);
        assertThat(tooLong.key("to")).isEqualTo("admin.schedules.error.tooManyDays");
    }

    @Test
    void anExtraSessionIsOneDateWithItsOwnHoursAndPlaces() {
        var problems = new FormProblems();

        var extra = new ExtraForm("2026-12-05", "10:00", "12:00", "60", "3", List.of("ro"))
                .toExtra(LAWYER, TODAY, problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(extra.date()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(extra.capacity()).isEqualTo(3);
        assertThat(extra.languages()).containsExactly(Language.RO);

        var missing = new FormProblems();
        assertThat(new ExtraForm("", "10:00", "12:00", "", "1", List.of("fr")).toExtra(LAWYER, TODAY, missing))
                .isNull();
        assertThat(missing.key("date")).isEqualTo("admin.schedules.error.date");
    }
}
