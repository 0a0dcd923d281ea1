package org.passerelle.admin.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.handoff.Skill;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.TeamHours;

class TeamFormsTests {

    @Test
    void aNewAccountNamesEachRefusedFieldWithItsMessage() {
        var form = new AccountForm("Bad Name!", " ", "BOSS", List.of("xx"), List.of("JUGGLING"), "short", "other");

        assertThat(form.newAccountProblems()).containsExactly(Map.entry("username", "team.error.username"),
                Map.entry("displayName", "team.error.displayName.required"), Map.entry("role", "team.error.role"),
                Map.entry("languages", "team.error.languages"), Map.entry("skills", "team.error.skills"),
                Map.entry("password", "team.error.password.too-short"),
                Map.entry("confirmation", "team.error.confirmation"));
    }

    @Test
    void aGoodFormBecomesTheAccountWithItsLanguagesAndSkills() {
        var form = new AccountForm(" Amina ", " Amina R. ", "mediator", List.of("ar", "fr"), List.of("MINORS"),
                "a long enough password", "a long enough password");

        assertThat(form.newAccountProblems()).isEmpty();
        var account = form.toAccount("{noop}hash");
        assertThat(account.username()).isEqualTo("amina");
        assertThat(account.displayName()).isEqualTo("Amina R.");
        assertThat(account.role()).isEqualTo(StaffRole.MEDIATOR);
        assertThat(account.languages()).containsExactlyInAnyOrder(Language.AR, Language.FR);
        assertThat(account.skills()).containsExactly(Skill.MINORS);
        assertThat(form.toString()).doesNotContain("long enough");
    }

    @Test
    void showsTheSavedHoursWithOneEmptyPairPerDay() {
        var hours = TeamHours.parse("MON 10:00-13:00, MON 14:00-18:00, SAT 14:00-17:00");
        var form = HoursForm.of(hours, Locale.FRENCH);

        assertThat(form.days()).hasSize(7);
        assertThat(form.days().get(0).label()).isEqualTo("Lundi");
        assertThat(form.days().get(0).pairs()).containsExactly(new HoursForm.Pair("10:00", "13:00"),
                new HoursForm.Pair("14:00", "18:00"), new HoursForm.Pair("", ""));
        assertThat(form.days().get(1).pairs()).containsExactly(new HoursForm.Pair("", ""));
    }

    @Test
    void readsTheHoursSentAndSkipsEmptyPairs() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("MONDAY.0.start", "9:30");
        fields.put("MONDAY.0.end", "12:00");
        fields.put("MONDAY.1.start", "");
        fields.put("MONDAY.1.end", "");
        fields.put("FRIDAY.0.start", "14:00");
        fields.put("FRIDAY.0.end", "17:30");
        fields.put("_csrf", "token");

        var hours = HoursForm.read(fields, Locale.ENGLISH).toHours();

        assertThat(hours.windows()).containsExactly(
                new TeamHours.Window(DayOfWeek.MONDAY, LocalTime.of(9, 30), LocalTime.of(12, 0)),
                new TeamHours.Window(DayOfWeek.FRIDAY, LocalTime.of(14, 0), LocalTime.of(17, 30)));
    }

    @Test
    void refusesHalfPairsReversedTimesAndOverlapsAndKeepsWhatWasTyped() {
        var fields = Map.of("MONDAY.0.start", "10:00", "MONDAY.0.end", "", "TUESDAY.0.start", "18:00",
                "TUESDAY.0.end", "09:00", "WEDNESDAY.0.start", "25:99", "WEDNESDAY.0.end", "26:00");
        var form = HoursForm.read(fields, Locale.FRENCH);

        assertThat(form.toHours()).isNull();
        assertThat(form.errors()).containsEntry("MONDAY.0.end", "team.error.hours.missing")
                .containsEntry("TUESDAY.0.end", "team.error.hours.order")
                .containsEntry("WEDNESDAY.0.start", "team.error.hours.time");
        assertThat(form.days().get(1).pairs()).containsExactly(new HoursForm.Pair("18:00", "09:00"));

        var overlapping = HoursForm.read(Map.of("MONDAY.0.start", "10:00", "MONDAY.0.end", "13:00",
                "MONDAY.1.start", "12:00", "MONDAY.1.end", "15:00"), Locale.FRENCH);
        assertThat(overlapping.toHours()).isNull();
        assertThat(overlapping.errors()).containsEntry("windows", "team.error.hours.overlap");
    }
}
