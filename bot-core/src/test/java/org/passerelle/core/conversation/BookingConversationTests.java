package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.BookingResult;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** Booking, listing and cancelling an appointment in the chat, in French, English and Chinese. */
class BookingConversationTests {

    private static final ContentCatalog CONTENT = TestEngines.CONTENT;

    // A Monday morning in Paris: the lawyer sees people on Tuesday evenings, one at a time.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final RedisStore store = TestRedis.newStore();
    private Appointments appointments;
    private Bookings bookings;
    private ConversationEngine engine;

    @BeforeEach
    void open() {
        var schedules = TestEngines.lawyerOnTuesdays(store);
        bookings = new Bookings(store, clock, Bookings.DEFAULT_RETENTION, TestEngines.NICKNAMES);
        appointments = new Appointments(schedules, bookings, clock);
        engine = TestEngines.engine(store, clock, appointments);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RecordingChannel person(Language language) {
        var she = new RecordingChannel(engine, Channel.WEBCHAT, clock);
        she.say("start");
        she.say("lang:" + language.code());
        return she;
    }

    private static String ui(Language language, String key) {
        return CONTENT.ui(language, key);
    }

    @Test
    void booksListsAndCancelsAnAppointmentInFrench() {
        var she = person(Language.FR);
        she.say("book");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "booking.service"));
        assertThat(she.options()).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo("service:lawyer");
            assertThat(o.label()).isEqualTo(ui(Language.FR, "service.lawyer"));
        });

        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "booking.day"));
        assertThat(she.optionKeys()).startsWith("day:lawyer:2026-12-01", "day:lawyer:2026-12-08").endsWith("menu");
        assertThat(she.options().get(0).label()).isEqualTo("mardi 1 décembre");

        she.say("1");
        assertThat(she.lastText()).isEqualTo("mardi 1 décembre\n" + ui(Language.FR, "booking.slot"));
        assertThat(she.optionKeys()).containsExactly("slot:lawyer.20261201T1800+0100",
                "slot:lawyer.20261201T1900+0100", "menu");
        assertThat(she.options()).extracting(o -> o.label()).containsExactly("18:00", "19:00",
                ui(Language.FR, "action.menu"));

        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "booking.nickname"));
        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "booking.interpreter"));
        she.say("1");
        assertThat(she.lastText()).contains(ui(Language.FR, "service.lawyer"), "18:00",
                ui(Language.FR, "directory.unconfirmed"));
        she.say("1");
        assertThat(she.lastText()).startsWith("C'est réservé. Votre code : ").contains("18:00");
        var code = bookings.listFor(she.lastTurn().conversationId()).get(0).code();
        assertThat(she.lastText()).contains(code);

        she.say("mine");
        assertThat(she.lastText()).contains(code);
        assertThat(she.optionKeys()).containsExactly("move:" + code, "cancel:" + code, "menu");
        she.say("2");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "booking.cancelled").replace("{code}", code));
        assertThat(bookings.listFor(she.lastTurn().conversationId())).isEmpty();
    }

    @Test
    void movesAnAppointmentToAnotherTimeOfTheSameDayKeepingItsCode() {
        var she = person(Language.FR);
        bookFirstTime(she);
        var code = bookings.listFor(she.lastTurn().conversationId()).get(0).code();
        she.say("mine");
        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.FR, "booking.day"));
        assertThat(she.optionKeys().get(0)).isEqualTo("moveday:" + code + ":2026-12-01");
        she.say("1");
        // Her own time is not offered again.
        assertThat(she.optionKeys()).containsExactly("moveto:" + code + ":lawyer.20261201T1900+0100", "menu");
        she.say("1");
        assertThat(she.lastText()).startsWith("C'est changé. Votre code reste " + code).contains("19:00");
        var moved = bookings.listFor(she.lastTurn().conversationId());
        assertThat(moved).singleElement().satisfies(b -> {
            assertThat(b.code()).isEqualTo(code);
            assertThat(b.slotId()).isEqualTo("lawyer.20261201T1900+0100");
        });
    }

    @Test
    void apologisesAndOffersTheNextTimesWhenTheTimeFillsMeanwhile() {
        var she = person(Language.EN);
        she.say("book");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        var slot = appointments.freeSlots("lawyer").get(0);
        // Someone else takes the only place between the offer and her confirmation.
        assertThat(appointments.book(slot, "someone-else-000000000000", Language.FR)).isInstanceOf(BookingResult.Booked.class);
        she.say("1");
        assertThat(she.lastText()).startsWith(ui(Language.EN, "booking.full"));
        assertThat(she.optionKeys()).first().isEqualTo("slot:lawyer.20261201T1900+0100");
    }

    @Test
    void showsHerBookingWhenSheTriesToBookTheSameServiceAgain() {
        var she = person(Language.EN);
        bookFirstTime(she);
        she.say("book");
        she.say("1");
        she.say("1");
        assertThat(she.optionKeys()).first().isEqualTo("slot:lawyer.20261201T1900+0100");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        assertThat(she.lastText()).startsWith(ui(Language.EN, "booking.too_many"));
        assertThat(she.optionKeys()).anyMatch(key -> key.startsWith("cancel:"));
    }

    @Test
    void booksInChinese() {
        var she = person(Language.ZH);
        she.say("book");
        assertThat(she.options().get(0).label()).isEqualTo(ui(Language.ZH, "service.lawyer"));
        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.ZH, "booking.day"));
        assertThat(she.options().get(0).label()).isEqualTo("12月1日星期二");
        she.say("1");
        assertThat(she.lastText()).isEqualTo("12月1日星期二\n" + ui(Language.ZH, "booking.slot"));
        assertThat(she.options().get(0).label()).isEqualTo("下午6:00");
        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.ZH, "booking.nickname"));
        she.say("1");
        assertThat(she.lastText()).isEqualTo(ui(Language.ZH, "booking.interpreter"));
        assertThat(she.options()).extracting(o -> o.label()).containsExactly("中文", "英语",
                ui(Language.ZH, "action.no_interpreter"), ui(Language.ZH, "action.menu"));
        she.say("1");
        she.say("1");
        var code = bookings.listFor(she.lastTurn().conversationId()).get(0).code();
        assertThat(she.lastText()).contains(code, "12月1日");
    }

    /** Books the first time offered, with no nickname and the interpreter in her language. */
    static void bookFirstTime(RecordingChannel she) {
        she.say("book");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
        she.say("1");
    }

    @Test
    void keepsTheTopicTextWhenNothingCanBeBooked() {
        clock.advance(Duration.ofDays(400));
        var she = person(Language.FR);
        var rules = new Schedules(store).rules("lawyer");
        rules.forEach(rule -> new Schedules(store).removeRule("lawyer", rule.id()));
        she.say("book");
        assertThat(she.lastText()).startsWith(CONTENT.resolve(CONTENT.topic("book_appointment").orElseThrow()
                .in(Language.FR).orElseThrow().text(), Language.FR).strip());
    }
}
