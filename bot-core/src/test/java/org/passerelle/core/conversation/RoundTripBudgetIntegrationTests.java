package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.barriers.BarrierSettings;
import org.passerelle.core.barriers.Barriers;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Reminders;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake.Intake;
import org.passerelle.core.content.PublishedContent;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.outbox.OutboxSettings;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.stats.StatsSettings;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.RoundTripProxy;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;

/**
 * The Redis round trips of one turn, counted exactly by a relay in front of the server, with
 * every part of the engine that the application wires: published content, bookings, handoff,
 * statistics, barriers, the outbox and the intake's redelivery check. A plain turn opens in one
 * round trip and writes in one; a redelivery is recognised in one; the other kinds of turn have
 * bounds of their own, printed beside what they cost.
 */
class RoundTripBudgetIntegrationTests {

    // Monday 30 November 2026, 11:00 in Paris: the team is there.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final RoundTripProxy proxy = RoundTripProxy.start("127.0.0.1", TestRedis.port());
    private final RedisStore store = new RedisStore(new JedisPooled("127.0.0.1", proxy.port()),
            "test-" + UUID.randomUUID() + ":");
    private final ConversationEngine engine;
    private final EngineIntake intake;

    RoundTripBudgetIntegrationTests() {
        var schedules = TestEngines.lawyerOnTuesdays(store);
        var bookings = new Bookings(store, clock, Bookings.DEFAULT_RETENTION, TestEngines.NICKNAMES);
        var appointments = new Appointments(schedules, bookings, clock,
                new Reminders(store, TestEngines.ADDRESSES, clock));
        var content = new PublishedContent(store, TestEngines.CONTENT);
        engine = new ConversationEngine(content, TestEngines.understanding(), appointments, store,
                TestEngines.PSEUDONYMS, EngineSettings.defaults(), clock,
                TestEngines.handoffSetup(store, HandoffFixture.SETTINGS),
                new Stats(store, clock, StatsSettings.defaults()),
                new Barriers(store, clock, BarrierSettings.defaults()));
        var outbox = new Outbox(store, TestEngines.OUTBOX_SEALERS, OutboxSettings.defaults(), clock,
                engine::markStopped);
        intake = new EngineIntake(engine, outbox, store);
    }

    @AfterEach
    void close() {
        store.close();
        proxy.close();
    }

    private long turn(String address, String text, String channelId, Intake expected) {
        proxy.reset();
        var taken = intake.receive(new InboundMessage(Channel.SMS, address, text, channelId, clock.instant()));
        assertThat(taken).as(text).isEqualTo(expected);
        return proxy.roundTrips();
    }

    private record Row(String turn, long roundTrips, long bound) {
    }

    @Test
    void answersEachPlainTurnInTwoRoundTripsAndTheOthersWithinTheirBounds() {
        // Another person first: the server learns the scripts, as it does once after a start.
        turn("+33600000009", "bonjour", "sms:0", Intake.ACCEPTED);
        var she = "+33600000001";
        var rows = new ArrayList<Row>();
        rows.add(new Row("first contact", turn(she, "bonjour", "sms:1", Intake.ACCEPTED), 2));
        rows.add(new Row("language chosen", turn(she, "1", "sms:2", Intake.ACCEPTED), 2));
        rows.add(new Row("menu", turn(she, "menu", "sms:3", Intake.ACCEPTED), 2));
        rows.add(new Row("topic", turn(she, "porter plainte", "sms:4", Intake.ACCEPTED), 2));
        rows.add(new Row("not understood", turn(she, "zzkq wvvx", "sms:5", Intake.ACCEPTED), 2));
        rows.add(new Row("redelivery", turn(she, "zzkq wvvx", "sms:5", Intake.DUPLICATE), 1));
        // The services, then each service's rules and exceptions and its places, each read at once.
        rows.add(new Row("booking asked", turn(she, "rendez-vous", "sms:6", Intake.ACCEPTED), 10));
        rows.add(new Row("back to the menu", turn(she, "menu", "sms:7", Intake.ACCEPTED), 2));
        rows.add(new Row("mediator asked", turn(she, "je veux parler a quelqu'un", "sms:8", Intake.ACCEPTED), 4));
        rows.add(new Row("during the handoff", turn(she, "allo", "sms:9", Intake.ACCEPTED), 2));
        rows.add(new Row("erase asked", turn(she, "effacer", "sms:10", Intake.ACCEPTED), 2));
        rows.add(new Row("erase confirmed", turn(she, "1", "sms:11", Intake.ACCEPTED), 12));
        rows.forEach(row -> System.out.printf("round trips %-20s %3d (at most %d)%n", row.turn(), row.roundTrips(),
                row.bound()));

        assertThat(rows).allSatisfy(row -> assertThat(row.roundTrips()).as(row.turn()).isLessThanOrEqualTo(row.bound()));
    }

    @Test
    void refusesAFloodInOneRoundTripAndLetsDangerThroughCountedOnce() {
        var he = "+33600000002";
        for (int i = 0; i < EngineSettings.defaults().perMinute(); i++) {
            turn(he, "menu", "sms:f" + i, Intake.ACCEPTED);
        }
        proxy.reset();
        assertThatThrownBy(() -> intake.receive(new InboundMessage(Channel.SMS, he, "menu", "sms:over",
                clock.instant()))).isInstanceOf(TooManyMessagesException.class);
        assertThat(proxy.roundTrips()).as("refused in its first round trip").isEqualTo(1);

        long danger = turn(he, "stop he is hitting me", "sms:danger", Intake.ACCEPTED);
        System.out.printf("round trips %-20s %3d%n", "danger over the limit", danger);
        // Refused by the count, asked again uncounted, the team's hours, the urgent handoff, then written.
        assertThat(danger).isLessThanOrEqualTo(5);
    }
}
