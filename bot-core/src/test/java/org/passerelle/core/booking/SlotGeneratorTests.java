package org.passerelle.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;

class SlotGeneratorTests {

    private static final Service LAWYER = new Service("lawyer", "bus.place", Duration.ofMinutes(60), true);
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 29);
    private static final LocalDate FALL_BACK = LocalDate.of(2026, 10, 25);

    @Test
    void cutsAWeeklyEveningIntoSlotsInParisTime() {
        var slots = generate(List.of(rule(DayOfWeek.THURSDAY, "18:00", "20:30", 60, Recurrence.weekly())),
                List.of(), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7));

        assertThat(slots).extracting(s -> s.start().toString())
                .containsExactly("2026-12-03T18:00+01:00[Europe/Paris]", "2026-12-03T19:00+01:00[Europe/Paris]");
        assertThat(slots.get(0).id()).isEqualTo("lawyer.20261203T1800+0100");
        assertThat(slots.get(0).capacity()).isEqualTo(3);
        assertThat(slots.get(0).languages()).containsExactlyInAnyOrder(Language.FR, Language.EN);
    }

    @Test
    void springForwardNightOffersOnlyTimesThatExistAndSlotsOfTheirRealLength() {
        var hourly = generate(List.of(rule(DayOfWeek.SUNDAY, "01:30", "03:30", 60, Recurrence.weekly())),
                List.of(), SPRING_FORWARD, SPRING_FORWARD);
        var halfHourly = generate(List.of(rule(DayOfWeek.SUNDAY, "01:30", "03:30", 30, Recurrence.weekly())),
                List.of(), SPRING_FORWARD, SPRING_FORWARD);

        assertThat(hourly).extracting(s -> s.start().toOffsetDateTime().toString())
                .containsExactly("2026-03-29T01:30+01:00");
        assertThat(hourly.get(0).end().toOffsetDateTime()).hasToString("2026-03-29T03:30+02:00");
        assertThat(halfHourly).extracting(s -> s.start().toOffsetDateTime().toString())
                .containsExactly("2026-03-29T01:30+01:00", "2026-03-29T03:00+02:00");
        assertThat(hourly).allSatisfy(SlotGeneratorTests::existsAndLastsItsLength);
        assertThat(halfHourly).allSatisfy(SlotGeneratorTests::existsAndLastsItsLength);
    }

    @Test
    void fallBackNightOffersTheRepeatedHourOnlyOnce() {
        var hourly = generate(List.of(rule(DayOfWeek.SUNDAY, "01:30", "03:30", 60, Recurrence.weekly())),
                List.of(), FALL_BACK, FALL_BACK);
        var halfHourly = generate(List.of(rule(DayOfWeek.SUNDAY, "01:30", "03:30", 30, Recurrence.weekly())),
                List.of(), FALL_BACK, FALL_BACK);

        assertThat(hourly).extracting(s -> s.start().toOffsetDateTime().toString())
                .containsExactly("2026-10-25T01:30+02:00", "2026-10-25T02:30+02:00");
        assertThat(halfHourly).extracting(s -> s.start().toLocalTime().toString())
                .containsExactly("01:30", "02:00", "02:30", "03:00")
                .doesNotHaveDuplicates();
        assertThat(halfHourly).extracting(Slot::id).doesNotHaveDuplicates();
        assertThat(hourly).allSatisfy(SlotGeneratorTests::existsAndLastsItsLength);
        assertThat(halfHourly).allSatisfy(SlotGeneratorTests::existsAndLastsItsLength);
    }

    @Test
    void eveningSlotsKeepTheirWallClockTimeOnBothSidesOfEachChange() {
        var slots = generate(List.of(rule(DayOfWeek.SUNDAY, "18:00", "19:00", 60, Recurrence.weekly())),
                List.of(), LocalDate.of(2026, 3, 22), LocalDate.of(2026, 11, 1));

        assertThat(slots).allSatisfy(s -> assertThat(s.start().toLocalTime()).isEqualTo(LocalTime.of(18, 0)));
        assertThat(slots).filteredOn(s -> s.start().toLocalDate().equals(SPRING_FORWARD))
                .singleElement().satisfies(s -> assertThat(s.start().getOffset().getTotalSeconds()).isEqualTo(7200));
        assertThat(slots).filteredOn(s -> s.start().toLocalDate().equals(FALL_BACK))
                .singleElement().satisfies(s -> assertThat(s.start().getOffset().getTotalSeconds()).isEqualTo(3600));
    }

    @Test
    void everyOtherWeekRuleCountsWeeksFromItsAnchor() {
        var bus = rule(DayOfWeek.THURSDAY, "18:00", "19:00", 60,
                Recurrence.everyOtherWeek(LocalDate.of(2026, 11, 5)));

        var slots = generate(List.of(bus), List.of(), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));

        assertThat(slots).extracting(s -> s.start().toLocalDate().toString())
                .containsExactly("2026-11-05", "2026-11-19", "2026-12-03", "2026-12-17", "2026-12-31");
    }

    @Test
    void alternateWeekRulesOnTheSameEveningAreNotAnOverlap() {
        var odd = rule(DayOfWeek.THURSDAY, "18:00", "19:00", 60, Recurrence.everyOtherWeek(LocalDate.of(2026, 11, 5)));
        var even = rule(DayOfWeek.THURSDAY, "18:00", "19:00", 60, Recurrence.everyOtherWeek(LocalDate.of(2026, 11, 12)));

        var slots = generate(List.of(odd, even), List.of(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

        assertThat(slots).hasSize(4);
    }

    @Test
    void closedDayHasNoSlotsAndClosedHoursRemoveOnlyTheSlotsTheyTouch() {
        var weekly = rule(DayOfWeek.THURSDAY, "14:00", "17:00", 60, Recurrence.weekly());
        var holiday = ScheduleException.closedAllDay("lawyer", LocalDate.of(2026, 12, 24));
        var meeting = ScheduleException.closedBetween("lawyer", LocalDate.of(2026, 12, 31),
                LocalTime.of(15, 30), LocalTime.of(16, 0));

        var slots = generate(List.of(weekly), List.of(holiday, meeting),
                LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31));

        assertThat(slots).extracting(s -> s.start().toLocalDateTime().toString())
                .containsExactly("2026-12-31T14:00", "2026-12-31T16:00");
    }

    @Test
    void extraSessionAddsSlotsAndReplacesARuleSlotAtTheSameTime() {
        var weekly = rule(DayOfWeek.THURSDAY, "14:00", "16:00", 60, Recurrence.weekly());
        var extra = ScheduleException.extra("lawyer", LocalDate.of(2026, 12, 3), LocalTime.of(15, 0),
                LocalTime.of(17, 0), Duration.ofMinutes(60), 8, Set.of(Language.ZH));
        var saturday = ScheduleException.extra("lawyer", LocalDate.of(2026, 12, 5), LocalTime.of(10, 0),
                LocalTime.of(11, 0), Duration.ofMinutes(30), 1, Set.of(Language.RO));

        var slots = generate(List.of(weekly), List.of(extra, saturday),
                LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 5));

        assertThat(slots).extracting(s -> s.start().toLocalDateTime() + "/" + s.capacity())
                .containsExactly("2026-12-03T14:00/3", "2026-12-03T15:00/8", "2026-12-03T16:00/8",
                        "2026-12-05T10:00/1", "2026-12-05T10:30/1");
    }

    @Test
    void extraSessionRunsOnAClosedDay() {
        var weekly = rule(DayOfWeek.THURSDAY, "14:00", "16:00", 60, Recurrence.weekly());
        var date = LocalDate.of(2026, 12, 3);
        var closed = ScheduleException.closedAllDay("lawyer", date);
        var extra = ScheduleException.extra("lawyer", date, LocalTime.of(18, 0), LocalTime.of(19, 0),
                Duration.ofMinutes(60), 2, Set.of(Language.FR));

        assertThat(generate(List.of(weekly), List.of(closed, extra), date, date))
                .extracting(s -> s.start().toLocalTime().toString()).containsExactly("18:00");
    }

    @Test
    void otherServicesAndInactiveServicesGetNoSlotsFromTheseRules() {
        var generator = new SlotGenerator(List.of(rule(DayOfWeek.THURSDAY, "14:00", "16:00", 60, Recurrence.weekly())), List.of());
        var date = LocalDate.of(2026, 12, 3);

        assertThat(generator.slots(new Service("pad", "pad18.address", Duration.ofMinutes(45), true), date, date)).isEmpty();
        assertThat(generator.slots(new Service("lawyer", "bus.place", Duration.ofMinutes(60), false), date, date)).isEmpty();
    }

    @Test
    void refusesARuleWhoseEndIsNotAfterItsStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rule(DayOfWeek.MONDAY, "18:00", "17:00", 60, Recurrence.weekly()))
                .withMessageStartingWith("end must be after start");
    }

    @Test
    void refusesASlotLengthThatIsNotPositiveOrDoesNotFit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rule(DayOfWeek.MONDAY, "18:00", "19:00", 0, Recurrence.weekly()))
                .withMessageStartingWith("slotLength must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rule(DayOfWeek.MONDAY, "18:00", "19:00", 90, Recurrence.weekly()))
                .withMessageStartingWith("slotLength 90 min does not fit");
    }

    @Test
    void refusesACapacityBelowOneAndAnEmptyLanguageList() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScheduleRule("lawyer", DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(19, 0),
                        Duration.ofMinutes(30), 0, Set.of(Language.FR), Recurrence.weekly()))
                .withMessageStartingWith("capacity must be at least 1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScheduleRule("lawyer", DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(19, 0),
                        Duration.ofMinutes(30), 2, Set.of(), Recurrence.weekly()))
                .withMessageStartingWith("languages");
    }

    @Test
    void refusesMalformedServiceIdsAndEveryOtherWeekWithoutAnchor() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScheduleRule("Lawyer:1", DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(19, 0),
                        Duration.ofMinutes(30), 2, Set.of(Language.FR), Recurrence.weekly()))
                .withMessageStartingWith("serviceId");
        assertThatIllegalArgumentException().isThrownBy(() -> new Recurrence(2, null))
                .withMessageStartingWith("anchor");
    }

    @Test
    void refusesOverlappingRulesOfOneServiceOnTheSameDay() {
        var evening = rule(DayOfWeek.THURSDAY, "18:00", "20:00", 60, Recurrence.weekly());
        var late = rule(DayOfWeek.THURSDAY, "19:30", "21:00", 30, Recurrence.everyOtherWeek(LocalDate.of(2026, 11, 5)));
        var nextDay = rule(DayOfWeek.FRIDAY, "18:00", "20:00", 60, Recurrence.weekly());
        var afterwards = rule(DayOfWeek.THURSDAY, "20:00", "21:00", 60, Recurrence.weekly());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SlotGenerator(List.of(evening, nextDay, late), List.of()))
                .withMessageStartingWith("rules overlap: lawyer THURSDAY 18:00–20:00 weekly and lawyer THURSDAY 19:30–21:00");
        assertThat(new SlotGenerator(List.of(evening, nextDay, afterwards), List.of())).isNotNull();
    }

    @Test
    void refusesAClosureWithOnlyOneTimeAndAnInvertedRange() {
        var date = LocalDate.of(2026, 12, 3);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScheduleException("lawyer", date, ScheduleException.Kind.CLOSED,
                        LocalTime.NOON, null, null, 0, Set.of()))
                .withMessageContaining("start and end");
        var generator = new SlotGenerator(List.of(), List.of());
        assertThatIllegalArgumentException().isThrownBy(() -> generator.slots(LAWYER, date, date.minusDays(1)))
                .withMessageStartingWith("to must not be before from");
    }

    private static void existsAndLastsItsLength(Slot slot) {
        var rules = Slot.PARIS.getRules();
        assertThat(rules.isValidOffset(slot.start().toLocalDateTime(), slot.start().getOffset())).isTrue();
        assertThat(rules.isValidOffset(slot.end().toLocalDateTime(), slot.end().getOffset())).isTrue();
        assertThat(Duration.between(slot.start(), slot.end()))
                .isIn(Duration.ofMinutes(30), Duration.ofMinutes(60));
        assertThat(slot.start()).isEqualTo(ZonedDateTime.ofInstant(slot.start().toInstant(), Slot.PARIS));
    }

    private static List<Slot> generate(List<ScheduleRule> rules, List<ScheduleException> exceptions,
                                       LocalDate from, LocalDate to) {
        return new SlotGenerator(rules, exceptions).slots(LAWYER, from, to);
    }

    private static ScheduleRule rule(DayOfWeek day, String start, String end, int minutes, Recurrence recurrence) {
        return new ScheduleRule("lawyer", day, LocalTime.parse(start), LocalTime.parse(end),
                Duration.ofMinutes(minutes), 3, Set.of(Language.FR, Language.EN), recurrence);
    }
}
