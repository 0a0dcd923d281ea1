package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Recurrence;
import org.passerelle.core.booking.Reminders;
import org.passerelle.core.booking.ScheduleRule;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.outbox.OutboxSettings;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** Reminders the day before and two hours before: discreet, on her channel, once, none after a cancel. */
class ReminderConversationTests {

    private static final AddressSealer SEALER =
            new AddressSealer("a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));

    // Monday 10:00 in Paris; the lawyer sees people on Tuesdays from 18:00.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final RedisStore store = TestRedis.newStore();
    private final List<OutboundMessage> sms = Collections.synchronizedList(new ArrayList<>());
    private Bookings bookings;
    private Reminders reminders;
    private Outbox outbox;
    private ReminderDispatch dispatch;
    private ConversationEngine engine;

    @BeforeEach
    void open() {
        var schedules = new Schedules(store);
        schedules.seedIfEmpty();
        schedules.addRule(new ScheduleRule("lawyer", DayOfWeek.TUESDAY, LocalTime.of(18, 0), LocalTime.of(20, 0),
                Duration.ofHours(1), 3, Set.of(Language.FR), Recurrence.weekly()));
        bookings = new Bookings(store, clock, Bookings.DEFAULT_RETENTION, TestEngines.NICKNAMES);
        reminders = new Reminders(store, SEALER, clock);
        var appointments = new Appointments(schedules, bookings, clock, reminders);
        engine = TestEngines.engine(store, clock, appointments);
        outbox = new Outbox(store, TestEngines.OUTBOX_SEALERS, new OutboxSettings(50, Duration.ofMillis(10), 3, Duration.ofMillis(10),
                Duration.ofMillis(50), Map.of(), Map.of()), clock, engine::markStopped);
        dispatch = new ReminderDispatch(reminders, appointments, outbox, engine);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private final ChannelSender smsSender = new ChannelSender() {
        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            sms.add(message);
            return SendResult.sent();
        }
    };

    private RecordingChannel bookTuesdayEvening() {
        var she = new RecordingChannel(engine, Channel.SMS, "+33600000001", clock);
        she.say("bonjour");
        she.say("book");
        she.say("1");
        she.say("1");
        she.say("1");
        // No nickname; the lawyer's Tuesday offers French only, so no interpreter is asked for.
        she.say("1");
        she.say("1");
        assertThat(she.lastText()).startsWith("C'est réservé.");
        return she;
    }

    @Test
    void remindsTheDayBeforeDiscreetlyOnHerChannelOnceEvenWithTwoSenders() throws Exception {
        var she = bookTuesdayEvening();
        var code = bookings.listFor(she.lastTurn().conversationId()).get(0).code();
        assertThat(dispatch.dispatchDue()).isZero();

        clock.advance(Duration.ofHours(8).plusMinutes(1));
        var pool = Executors.newFixedThreadPool(2);
        var first = pool.submit(dispatch::dispatchDue);
        var second = pool.submit(dispatch::dispatchDue);
        assertThat(first.get(10, TimeUnit.SECONDS) + second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        pool.shutdownNow();

        outbox.deliver(Map.of(Channel.SMS, smsSender), "test");
        assertThat(sms).singleElement().satisfies(message -> {
            assertThat(message.address()).isEqualTo("+33600000001");
            assertThat(message.reply().text()).isEqualTo("Rappel : demain 18:00, code " + code
                    + ". Répondez 1 pour confirmer, 2 pour annuler.");
            assertThat(message.reply().text().toLowerCase()).doesNotContain("avocat", "lawyer", "association");
        });

        she.say("1");
        assertThat(she.lastText()).isEqualTo(TestEngines.CONTENT.ui(Language.FR, "reminder.kept"));
        assertThat(bookings.find(code)).isPresent();
    }

    @Test
    void cancelsWithTwoAndSendsNoMoreReminders() throws Exception {
        var she = bookTuesdayEvening();
        var code = bookings.listFor(she.lastTurn().conversationId()).get(0).code();
        clock.advance(Duration.ofHours(8).plusMinutes(1));
        assertThat(dispatch.dispatchDue()).isEqualTo(1);

        she.say("2");
        assertThat(she.lastText()).contains(code);
        assertThat(bookings.find(code)).isEmpty();

        clock.advance(Duration.ofHours(22));
        assertThat(dispatch.dispatchDue()).isZero();
    }

    @Test
    void remindsTwoHoursBeforeOnTheDay() {
        bookTuesdayEvening();
        clock.advance(Duration.ofHours(8).plusMinutes(1));
        dispatch.dispatchDue();
        clock.advance(Duration.ofHours(22));
        assertThat(dispatch.dispatchDue()).isEqualTo(1);
        outbox.deliver(Map.of(Channel.SMS, smsSender), "test");
        assertThat(sms).last().satisfies(m -> assertThat(m.reply().text()).startsWith("Rappel : aujourd'hui 18:00"));
    }
}
