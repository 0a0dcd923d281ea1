package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Attendance;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.Recurrence;
import org.passerelle.core.booking.ScheduleRule;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.handoff.Mediator;
import org.passerelle.core.stats.Metric;
import org.passerelle.core.stats.StatRow;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.stats.StatsSettings;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;

/**
 * What the conversation counts in the anonymous daily statistics, each event exactly once: a
 * conversation by channel and language, a topic, a message not understood, a handoff and its
 * claim, danger and minor alerts, a booking, a cancellation, attendance. Never anything of hers.
 */
class StatsConversationTests {

    private static final String PHONE = "+33698765432";
    private static final Mediator ANA = new Mediator("ana", "Ana", Set.of(Language.FR), Set.of());
    // Monday 30 November 2026 in Paris, as the fixture's clock says.
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private final HandoffFixture fixture = new HandoffFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private Tuple[] counted(LocalDate day) {
        return fixture.stats.raw(day, day).stream()
                .map(row -> tuple(row.metric(), row.dimension(), row.value())).toArray(Tuple[]::new);
    }

    private static Tuple count(Metric metric, String dimension, long value) {
        return tuple(metric, dimension, value);
    }

    private RecordingChannel speaking(Language language) {
        var she = fixture.person(Channel.SMS, PHONE);
        she.say("start");
        she.say("lang:" + language.code());
        return she;
    }

    @Test
    void countsAConversationATopicAndAMessageNotUnderstoodOnce() {
        var she = speaking(Language.EN);
        she.say("topic:legal_status");
        she.say("blablabla qwerty");
        she.say("menu");

        assertThat(counted(MONDAY)).containsExactlyInAnyOrder(
                count(Metric.CONVERSATIONS_BY_CHANNEL, "sms", 1),
                count(Metric.CONVERSATIONS_BY_LANGUAGE, "en", 1),
                count(Metric.TOPICS, "legal_status", 1),
                count(Metric.UNKNOWN, "en", 1));
    }

    @Test
    void countsAHandoffOnceAndItsClaimWithTheTimeItTook() {
        var she = speaking(Language.FR);
        she.say("human");
        she.say("human");
        fixture.clock.advance(Duration.ofMinutes(7));

        fixture.desk.claim(she.lastTurn().conversationId(), ANA);
        fixture.desk.claim(she.lastTurn().conversationId(), ANA);

        assertThat(counted(MONDAY)).containsExactlyInAnyOrder(
                count(Metric.CONVERSATIONS_BY_CHANNEL, "sms", 1),
                count(Metric.CONVERSATIONS_BY_LANGUAGE, "fr", 1),
                count(Metric.HANDOFFS, "normal", 1),
                count(Metric.CLAIMS, "normal", 1),
                count(Metric.CLAIM_SECONDS, "normal", 420),
                count(Metric.CLAIM_WAIT, "5m-15m", 1));
    }

    @Test
    void countsEachDangerAndMinorAlertButTheHandoffOnce() {
        var she = fixture.person(Channel.TELEGRAM, "70001");
        she.say("au secours il me frappe");
        she.say("au secours il me frappe");
        var minor = fixture.person(Channel.WHATSAPP, "+33600000001");
        minor.say("j'ai 16 ans");

        assertThat(counted(MONDAY)).contains(
                count(Metric.CONVERSATIONS_BY_CHANNEL, "telegram", 1),
                count(Metric.CONVERSATIONS_BY_CHANNEL, "whatsapp", 1),
                count(Metric.ALERTS, "danger", 2),
                count(Metric.HANDOFFS, "danger", 1),
                count(Metric.ALERTS, "minor", 1),
                count(Metric.HANDOFFS, "minor", 1));
        assertThat(counted(MONDAY)).extracting(t -> t.toList().get(0))
                .doesNotContain(Metric.TOPICS, Metric.UNKNOWN, Metric.CLAIMS);
    }

    @Test
    void aMessageOnTheNextParisDayCountsOnThatDay() {
        var she = speaking(Language.FR);
        // 23:30 UTC on Monday is already Tuesday in Paris.
        fixture.clock.advance(Duration.ofMinutes(13 * 60 + 30));
        she.say("topic:complaint");

        assertThat(counted(MONDAY.plusDays(1))).containsExactly(count(Metric.TOPICS, "complaint", 1));
        assertThat(counted(MONDAY)).doesNotContain(count(Metric.TOPICS, "complaint", 1));
    }

    @Test
    void noKeyOrValueOfTheStatisticsHoldsAnythingOfHers() {
        var she = speaking(Language.FR);
        she.say("je m'appelle Amina, mon numéro est " + PHONE);
        she.say("human");
        var id = she.lastTurn().conversationId();
        fixture.desk.claim(id, ANA);

        var keys = fixture.store.<Set<String>>call(jedis -> jedis.keys(fixture.store.key("stats", "*")));
        assertThat(keys).containsExactly(fixture.store.key("stats", "day", MONDAY.toString()));
        var all = new StringBuilder();
        for (var key : keys) {
            all.append(key).append(fixture.store.<Object>call(jedis -> jedis.hgetAll(key)));
        }
        assertThat(all.toString()).doesNotContain(PHONE, "698765432", id, "Amina", "numéro", "ana")
                .contains("handoffs|normal");
        assertThat(fixture.stats.raw(MONDAY, MONDAY)).extracting(StatRow::dimension)
                .allMatch(dimension -> dimension.matches("[a-z0-9_.-]+"));
    }

    @Test
    void aTurnIsAnsweredWhenTheCountersCannotBeWritten() {
        try (var away = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.freePort()), "away:")) {
            var engine = TestEngines.engine(fixture.store, fixture.clock, null,
                    TestEngines.handoffSetup(fixture.store, HandoffFixture.SETTINGS),
                    new Stats(away, fixture.clock, StatsSettings.defaults()));
            var she = new RecordingChannel(engine, Channel.SMS, PHONE, fixture.clock);

            she.say("start");
            she.say("lang:fr");
            she.say("au secours il me frappe");

            assertThat(she.lastText()).isEqualTo(fixture.ui(Language.FR, "handoff.urgent"));
            assertThat(fixture.engine.handoffs().queue().isWaiting(she.lastTurn().conversationId())).isTrue();
        }
    }

    @Test
    void countsABookingACancellationAndAttendanceOnceAndNotAnErase() {
        var schedules = new Schedules(fixture.store);
        schedules.seedIfEmpty();
        schedules.addRule(new ScheduleRule("lawyer", DayOfWeek.TUESDAY, LocalTime.of(18, 0), LocalTime.of(20, 0),
                Duration.ofHours(1), 1, Set.of(Language.FR, Language.EN), Recurrence.weekly()));
        var bookings = new Bookings(fixture.store, fixture.clock, Bookings.DEFAULT_RETENTION, TestEngines.NICKNAMES,
                fixture.stats);
        var engine = TestEngines.engine(fixture.store, fixture.clock,
                new Appointments(schedules, bookings, fixture.clock), null, fixture.stats);
        var she = new RecordingChannel(engine, Channel.WEBCHAT, fixture.clock);
        she.say("start");
        she.say("lang:fr");

        BookingConversationTests.bookFirstTime(she);
        var code = bookings.listFor(she.lastTurn().conversationId()).get(0).code();
        she.say("mine");
        she.say("2");
        assertThat(bookings.listFor(she.lastTurn().conversationId())).isEmpty();
        BookingConversationTests.bookFirstTime(she);
        var kept = bookings.listFor(she.lastTurn().conversationId()).get(0).code();
        var other = new RecordingChannel(engine, Channel.WEBCHAT, fixture.clock);
        other.say("start");
        other.say("lang:fr");
        BookingConversationTests.bookFirstTime(other);
        she.say("erase");
        she.say("erase:yes");

        assertThat(counted(MONDAY)).contains(count(Metric.BOOKINGS, "lawyer", 3),
                count(Metric.CANCELLATIONS, "lawyer", 1));
        assertThat(code).isNotBlank();
        assertThat(kept).isNotBlank();

        // Staff mark the other appointment, then correct the mark: it stands once, on its day.
        var hers = bookings.listFor(other.lastTurn().conversationId()).get(0);
        var day = hers.start().toLocalDate();
        bookings.markAttendance(hers.code(), Attendance.ATTENDED);
        assertThat(counted(day)).containsExactly(count(Metric.ATTENDED, "lawyer", 1));
        bookings.markAttendance(hers.code(), Attendance.NO_SHOW);
        bookings.markAttendance(hers.code(), Attendance.NO_SHOW);
        assertThat(counted(day)).containsExactly(count(Metric.NO_SHOWS, "lawyer", 1));
        assertThat(bookings.markAttendance("ZZZZZ", Attendance.ATTENDED)).isFalse();
    }
}
