package org.passerelle.core.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Reminders;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.ChannelSender;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.OutboundMessage;
import org.passerelle.core.channel.SendResult;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.outbox.OutboxSettings;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.stats.StatsSettings;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/**
 * One person by SMS through the whole stack on a real Redis, for the privacy tests: the channels'
 * intake, the engine with bookings, reminders, handoff and statistics, and the outbox with a
 * sender that works or fails as told.
 */
final class PersonFixture implements AutoCloseable {

    static final String ADDRESS = "+33612345678";

    // Monday 30 November 2026, 11:00 in Paris: the team is there, the lawyer sees people on Tuesday.
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    final RedisStore store = TestRedis.newStore();
    final Bookings bookings;
    final ConversationEngine engine;
    final Outbox outbox;
    final EngineIntake intake;
    final String conversationId = TestEngines.PSEUDONYMS.pseudonym(Channel.SMS, ADDRESS);
    private final List<OutboundMessage> sent = Collections.synchronizedList(new ArrayList<>());

    PersonFixture(Duration retention) {
        var schedules = TestEngines.lawyerOnTuesdays(store);
        bookings = new Bookings(store, clock, Bookings.DEFAULT_RETENTION, TestEngines.NICKNAMES);
        var appointments = new Appointments(schedules, bookings, clock,
                new Reminders(store, TestEngines.ADDRESSES, clock));
        var defaults = EngineSettings.defaults();
        var settings = new EngineSettings(retention, defaults.lockLease(), defaults.lockWait(),
                defaults.maxTextLength(), defaults.perMinute(), defaults.idleRestart());
        engine = new ConversationEngine(() -> TestEngines.CONTENT, TestEngines.understanding(), appointments, store,
                TestEngines.PSEUDONYMS, settings, clock, TestEngines.handoffSetup(store, HandoffFixture.SETTINGS),
                new Stats(store, clock, StatsSettings.defaults()));
        outbox = new Outbox(store, TestEngines.OUTBOX_SEALERS, new OutboxSettings(50, Duration.ofMillis(30), 3,
                Duration.ofMillis(20), Duration.ofMillis(100), Map.of(), Map.of()), clock, engine::markStopped);
        intake = new EngineIntake(engine, outbox, store);
    }

    /** She writes; her replies wait in the outbox. */
    void say(String text) {
        intake.receive(new InboundMessage(Channel.SMS, ADDRESS, text, UUID.randomUUID().toString(), clock.instant()));
    }

    /** She books the lawyer's first Tuesday time as "Mimi", with an English interpreter. */
    void books() {
        for (var text : List.of("start", "lang:fr", "book", "1", "1", "1", "Mimi", "2", "1")) {
            say(text);
        }
    }

    /** Delivers what waits, the channel taking it (true) or failing with a retryable error (false). */
    List<OutboundMessage> deliver(boolean channelUp) {
        var senders = new EnumMap<Channel, ChannelSender>(Channel.class);
        senders.put(Channel.SMS, new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public SendResult send(OutboundMessage message) {
                if (!channelUp) {
                    return SendResult.failed(org.passerelle.core.channel.SendFailure.CONNECTION_FAILED, "down");
                }
                sent.add(message);
                return SendResult.sent();
            }
        });
        for (int pass = 0; pass < 50 && outbox.deliver(senders, "test") > 0 && channelUp; pass++) {
            // Until the stream has nothing new, within bounds.
        }
        var out = List.copyOf(sent);
        sent.clear();
        return out;
    }

    @Override
    public void close() {
        store.close();
    }
}
