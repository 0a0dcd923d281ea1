package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.BookingResult;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Recurrence;
import org.passerelle.core.booking.Reminders;
import org.passerelle.core.booking.ScheduleRule;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.Option;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/**
 * The day step of booking and moving: the next free days five at a time, a day's free times five
 * at a time, a day that fills meanwhile, "0" from every step, photos answered with the same
 * labelled options, and erase freeing her places; in French, English and Chinese.
 */
class BookingDaysConversationTests {

    // Monday 30 November, 10:00 in Paris. The lawyer: Tuesdays 18:00 and 19:00, one person each.
    // The desk: every weekday from 14:00 to 17:00, half an hour each, one person each.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final RedisStore store = TestRedis.newStore();
    private Appointments appointments;
    private Bookings bookings;
    private Reminders reminders;
    private ConversationEngine engine;

    @BeforeEach
    void open() {
        var schedules = new Schedules(store);
        schedules.seedIfEmpty();
        var languages = Set.of(Language.FR, Language.EN, Language.ZH);
        schedules.addRule(new ScheduleRule("lawyer", DayOfWeek.TUESDAY, LocalTime.of(18, 0), LocalTime.of(20, 0),
                Duration.ofHours(1), 1, languages, Recurrence.weekly()));
        for (var day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            schedules.addRule(new ScheduleRule("pad", day, LocalTime.of(14, 0), LocalTime.of(17, 0),
                    Duration.ofMinutes(30), 1, languages, Recurrence.weekly()));
        }
        bookings = new Bookings(store, clock, Bookings.DEFAULT_RETENTION, TestEngines.NICKNAMES);
        reminders = new Reminders(store, TestEngines.ADDRESSES, clock);
        appointments = new Appointments(schedules, bookings, clock, reminders);
        engine = TestEngines.engine(store, clock, appointments);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RecordingChannel person(Language language) {
        var she = new RecordingChannel(engine, Channel.SMS, clock);
        she.say("start");
        she.say("lang:" + language.code());
        return she;
    }

    private static String ui(Language language, String key) {
        return TestEngines.CONTENT.ui(language, key);
    }

    private static java.util.List<String> labels(RecordingChannel she) {
        return she.options().stream().map(Option::label).toList();
    }

    @Test
    void offersTheNextFreeDaysFiveAtATimeThenLaterDaysInFrench() {
        var she = person(Language.FR);
        she.say("book");
        assertThat(she.optionKeys()).containsExactly("service:lawyer", "service:pad");
        she.say("2");

        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "booking.day"));
        assertThat(she.optionKeys()).containsExactly("day:pad:2026-11-30", "day:pad:2026-12-01", "day:pad:2026-12-02",
                "day:pad:2026-12-03", "day:pad:2026-12-04", "days:pad:2026-12-04", "menu");
        assertThat(labels(she)).containsExactly("lundi 30 novembre", "mardi 1 décembre", "mercredi 2 décembre",
                "jeudi 3 décembre", "vendredi 4 décembre", "Autres jours", ui(Language.FR, "action.menu"));

        she.say("6");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "booking.day"));
        assertThat(she.optionKeys()).startsWith("day:pad:2026-12-07").endsWith("days:pad:2026-12-11", "menu");
        assertThat(labels(she).get(0)).isEqualTo("lundi 7 décembre");
        she.say("vendredi 11");
        assertThat(she.lastText()).isEqualTo("vendredi 11 décembre\n" + ui(Language.FR, "booking.slot"));
    }

    @Test
    void listsTheTimesOfTheChosenDayFiveAtATimeInEnglish() {
        var she = person(Language.EN);
        she.say("book");
        she.say("service:pad");
        assertThat(labels(she)).startsWith("Monday, November 30", "Tuesday, December 1").contains("Later days");
        she.say("1");

        assertThat(she.lastText()).isEqualTo("Monday, November 30\n" + ui(Language.EN, "booking.slot"));
        assertThat(she.optionKeys()).containsExactly("slot:pad.20261130T1400+0100", "slot:pad.20261130T1430+0100",
                "slot:pad.20261130T1500+0100", "slot:pad.20261130T1530+0100", "slot:pad.20261130T1600+0100",
                "more:pad.20261130T1600+0100", "menu");
        assertThat(labels(she)).containsExactly("2:00 PM", "2:30 PM", "3:00 PM", "3:30 PM", "4:00 PM",
                ui(Language.EN, "action.more"), ui(Language.EN, "action.menu"));

        she.say("6");
        assertThat(she.optionKeys()).containsExactly("slot:pad.20261130T1630+0100", "menu");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        assertThat(she.lastText()).startsWith("It is booked.").contains("Monday, November 30, 2026", "4:30 PM");
    }

    @Test
    void writesDaysAndTimesTheChineseWay() {
        var she = person(Language.ZH);
        she.say("book");
        she.say("2");
        assertThat(she.lastText()).isEqualTo(ui(Language.ZH, "booking.day"));
        // By SMS the weekday takes its short form; the web chat writes it in full.
        assertThat(labels(she)).startsWith("11月30日周一", "12月1日周二").contains(ui(Language.ZH, "action.more_days"));
        she.say("2");
        assertThat(she.lastText()).isEqualTo("12月1日星期二\n" + ui(Language.ZH, "booking.slot"));
        assertThat(labels(she)).startsWith("下午2:00", "下午2:30");
    }

    @Test
    void apologisesAndShowsTheNextFreeDaysWhenTheChosenDayFillsMeanwhile() {
        var she = person(Language.FR);
        she.say("book");
        she.say("1");
        assertThat(she.optionKeys()).first().isEqualTo("day:lawyer:2026-12-01");
        // Two other people take both places of Tuesday 1 December before she chooses it.
        takeTuesdayFirst();

        she.say("1");
        assertThat(she.lastText()).startsWith(ui(Language.FR, "booking.day_full"))
                .endsWith(ui(Language.FR, "booking.day"));
        assertThat(she.optionKeys()).first().isEqualTo("day:lawyer:2026-12-08");
    }

    @Test
    void aDayThatFillsBeforeSheConfirmsGetsTheApologyAndTheNextFreeDaysInEnglish() {
        var she = person(Language.EN);
        she.say("book");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        assertThat(she.optionKeys()).containsExactly("confirm:lawyer.20261201T1800+0100",
                "back:lawyer.20261201T1800+0100");
        assertThat(labels(she)).containsExactly(ui(Language.EN, "action.confirm"), ui(Language.EN, "action.back"));
        takeTuesdayFirst();

        she.say("1");
        assertThat(she.lastText()).startsWith(ui(Language.EN, "booking.day_full"));
        assertThat(she.optionKeys()).first().isEqualTo("day:lawyer:2026-12-08");
        assertThat(bookings.listFor(she.lastTurn().conversationId())).isEmpty();
    }

    @Test
    void goesBackFromTheConfirmationToTheTimesOfThatDay() {
        var she = person(Language.FR);
        she.say("book");
        she.say("1");
        she.say("1");
        she.say("2");
        she.say("1");
        she.say("1");
        she.say("2");
        assertThat(she.lastText()).isEqualTo("mardi 1 décembre\n" + ui(Language.FR, "booking.slot"));
    }

    @Test
    void aKeyNamingNoServiceOrAnOldButtonLeadsBackToTheServices() {
        var she = person(Language.EN);
        for (var typed : java.util.List.of("day:nope:2026-12-01", "more:lawyer:5", "slot:nope.20261201T1800+0100",
                "confirm:lawyer.yesterday")) {
            she.say(typed);
            assertThat(she.lastText()).as(typed).isEqualTo(ui(Language.EN, "booking.service"));
            assertThat(she.optionKeys()).as(typed).containsExactly("service:lawyer", "service:pad");
        }
        // A known service with a day that is no date: its first free days.
        she.say("days:lawyer:someday");
        assertThat(she.optionKeys()).first().isEqualTo("day:lawyer:2026-12-01");
    }

    @Test
    void zeroOrMenuBringsTheMainMenuBackFromEveryBookingStep() {
        var she = person(Language.FR);
        for (int steps = 1; steps <= 6; steps++) {
            she.say("book");
            for (int i = 1; i < steps; i++) {
                she.say("1");
            }
            she.say(steps % 2 == 0 ? "0" : "menu");
            assertThat(she.lastText()).as("after %d steps", steps).isEqualTo(ui(Language.FR, "menu.title"));
        }
    }

    @Test
    void aPhotoDuringBookingIsAnsweredWithTheSameLabelledOptions() {
        var she = person(Language.FR);
        she.say("book");
        for (int step = 0; step < 6; step++) {
            var shown = she.options();
            she.say("");
            assertThat(she.lastText()).isEqualTo(ui(Language.FR, "media.unsupported"));
            assertThat(she.options()).as("step %d", step).isEqualTo(shown);
            assertThat(she.options()).allSatisfy(o -> assertThat(o.label()).isNotEqualTo(o.key())
                    .doesNotContain("lawyer", "confirm", "back"));
            she.say("1");
        }
        she.say("1");
        she.say("mine");
        var mine = she.options();
        she.say("");
        assertThat(she.options()).isEqualTo(mine);
        assertThat(labels(she)).startsWith(ui(Language.FR, "action.move").replace("{code}", code(she)),
                ui(Language.FR, "action.cancel_booking").replace("{code}", code(she)));
    }

    @Test
    void movesAnAppointmentToAnotherDayThroughTheDaysAndTimesInEnglish() {
        var she = person(Language.EN);
        she.say("book");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        var code = code(she);
        she.say("mine");
        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.EN, "booking.day"));
        assertThat(she.optionKeys()).startsWith("moveday:" + code + ":2026-12-01", "moveday:" + code + ":2026-12-08");
        assertThat(labels(she)).startsWith("Tuesday, December 1", "Tuesday, December 8");

        she.say("2");
        assertThat(she.lastText()).isEqualTo("Tuesday, December 8\n" + ui(Language.EN, "booking.slot"));
        assertThat(she.optionKeys()).containsExactly("moveto:" + code + ":lawyer.20261208T1800+0100",
                "moveto:" + code + ":lawyer.20261208T1900+0100", "menu");
        she.say("2");
        assertThat(she.lastText()).startsWith("It is changed. Your code is still " + code)
                .contains("December 8", "7:00 PM");
        assertThat(bookings.listFor(she.lastTurn().conversationId())).singleElement()
                .satisfies(b -> assertThat(b.slotId()).isEqualTo("lawyer.20261208T1900+0100"));
        assertThat(appointments.freeSlotsOn("lawyer", java.time.LocalDate.of(2026, 12, 1), null)).hasSize(2);
    }

    @Test
    void movesToALaterTimeOfADayThroughLaterTimesInFrench() {
        var she = person(Language.FR);
        she.say("book");
        she.say("service:pad");
        she.say("2");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        var code = code(she);
        she.say("mine");
        she.say("1");
        she.say("1");
        assertThat(she.lastText()).isEqualTo("lundi 30 novembre\n" + ui(Language.FR, "booking.slot"));
        assertThat(she.optionKeys()).hasSize(7).endsWith("movemore:" + code + ":20261130T1600+0100", "menu");
        assertThat(labels(she).get(5)).isEqualTo(ui(Language.FR, "action.more"));
        she.say("6");
        assertThat(she.optionKeys()).containsExactly("moveto:" + code + ":pad.20261130T1630+0100", "menu");
        she.say("1");
        assertThat(she.lastText()).startsWith("C'est changé. Votre code reste " + code).contains("16:30");
    }

    @Test
    void aDayThatFillsWhileSheMovesGetsTheApologyAndTheNextDaysToMoveTo() {
        var she = person(Language.ZH);
        she.say("book");
        she.say("2");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        var code = code(she);
        she.say("mine");
        she.say("1");
        assertThat(she.optionKeys().get(1)).isEqualTo("moveday:" + code + ":2026-12-01");
        for (var slot : appointments.freeSlotsOn("pad", java.time.LocalDate.of(2026, 12, 1), null)) {
            bookings.book(slot, "someone-else-" + slot.start().getHour() + slot.start().getMinute(), null,
                    Language.FR, 1);
        }
        she.say("2");
        assertThat(she.lastText()).startsWith(ui(Language.ZH, "booking.day_full"));
        assertThat(she.optionKeys()).contains("moveday:" + code + ":2026-12-02")
                .doesNotContain("moveday:" + code + ":2026-12-01");
    }

    @Test
    void erasingFreesHerBookedPlaceForOthersAndDropsHerReminders() {
        var she = person(Language.FR);
        she.say("book");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        var code = code(she);
        var slot = appointments.slot("lawyer.20261201T1800+0100").orElseThrow();
        assertThat(bookings.count(slot)).isEqualTo(1);

        she.say("effacer");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "erase.confirm"));
        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "erase.done"));

        assertThat(bookings.count(slot)).isZero();
        assertThat(appointments.find(code)).isEmpty();
        assertThat(appointments.book(slot, "someone-else-000000000000", Language.FR))
                .isInstanceOf(BookingResult.Booked.class);
        // Past both reminder times (the day before, two hours before) of her booking: nothing is due.
        clock.advance(Duration.ofDays(1).plusHours(8));
        assertThat(reminders.claimDue(10)).isEmpty();
    }

    private String code(RecordingChannel she) {
        return bookings.listFor(she.lastTurn().conversationId()).get(0).code();
    }

    private void takeTuesdayFirst() {
        for (var slot : appointments.freeSlotsOn("lawyer", java.time.LocalDate.of(2026, 12, 1), null)) {
            assertThat(appointments.book(slot, "someone-else-" + slot.start().getHour(), Language.FR))
                    .isInstanceOf(BookingResult.Booked.class);
        }
    }
}
