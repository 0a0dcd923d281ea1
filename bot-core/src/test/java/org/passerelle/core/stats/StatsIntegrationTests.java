package org.passerelle.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.StoreUnavailableException;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;

/** The daily counters on a real Redis: Paris days, expiry, and the published view's small-count rule. */
class StatsIntegrationTests {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 29);

    private final RedisStore store = TestRedis.newStore();

    @AfterEach
    void close() {
        store.close();
    }

    private Stats at(String instant) {
        return new Stats(store, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), StatsSettings.defaults());
    }

    private static long value(List<StatRow> rows, LocalDate day, Metric metric, String dimension) {
        return rows.stream().filter(r -> r.day().equals(day) && r.metric() == metric && r.dimension().equals(dimension))
                .mapToLong(StatRow::value).sum();
    }

    @Test
    void aCountFallsOnTheDayInParisNotInUtc() {
        // 22:59 UTC is 23:59 in Paris on the 28th; 23:30 UTC is already 00:30 on the 29th.
        at("2026-03-28T22:59:00Z").record(new Tally().add(Metric.TOPICS, "complaint"));
        at("2026-03-28T23:30:00Z").record(new Tally().add(Metric.TOPICS, "complaint"));
        // After the change to summer time, 22:30 UTC is 00:30 on the 30th.
        at("2026-03-29T22:30:00Z").record(new Tally().add(Metric.TOPICS, "complaint"));

        var rows = at("2026-03-30T12:00:00Z").raw(DAY.minusDays(1), DAY.plusDays(1));

        assertThat(rows).extracting(StatRow::day, StatRow::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DAY.minusDays(1), 1L),
                        org.assertj.core.groups.Tuple.tuple(DAY, 1L),
                        org.assertj.core.groups.Tuple.tuple(DAY.plusDays(1), 1L));
    }

    @Test
    void aDaysCountersExpireTheRetentionPeriodAfterTheDay() {
        // Redis expires by its own clock, so this test runs on today's date.
        var stats = new Stats(store, Clock.systemUTC(), StatsSettings.defaults());
        var today = stats.today();
        var shortLived = new Stats(store, Clock.systemUTC(), new StatsSettings(Duration.ofDays(30)));
        stats.record(new Tally().add(Metric.BOOKINGS, "lawyer"));
        shortLived.record(today.minusDays(3), new Tally().add(Metric.ATTENDED, "lawyer"));

        long ttl = store.call(jedis -> jedis.ttl(store.key("stats", "day", today.toString())));
        long shortTtl = store.call(jedis -> jedis.ttl(store.key("stats", "day", today.minusDays(3).toString())));

        // The end of the day in Paris, then 400 or 30 days.
        long now = Instant.now().getEpochSecond();
        assertThat(ttl).isCloseTo(today.plusDays(1).atStartOfDay(Stats.PARIS).plus(Duration.ofDays(400)).toEpochSecond() - now,
                org.assertj.core.data.Offset.offset(5L));
        assertThat(shortTtl).isCloseTo(today.minusDays(2).atStartOfDay(Stats.PARIS).plus(Duration.ofDays(30)).toEpochSecond() - now,
                org.assertj.core.data.Offset.offset(5L));
    }

    @Test
    void onePassWritesEveryCounterOfATurnAndAddsUp() {
        var stats = at("2026-03-29T10:00:00Z");
        stats.record(new Tally().add(Metric.CONVERSATIONS_BY_CHANNEL, "sms").add(Metric.TOPICS, "complaint")
                .add(Metric.TOPICS, "complaint"));
        stats.record(new Tally().add(Metric.TOPICS, "complaint").add(Metric.ALERTS, Priority.DANGER));

        var rows = stats.raw(DAY, DAY);

        assertThat(value(rows, DAY, Metric.CONVERSATIONS_BY_CHANNEL, "sms")).isEqualTo(1);
        assertThat(value(rows, DAY, Metric.TOPICS, "complaint")).isEqualTo(3);
        assertThat(value(rows, DAY, Metric.ALERTS, "danger")).isEqualTo(1);
        assertThat(rows).hasSize(3);
    }

    @Test
    void thePublishedViewShowsNoFigureFromOneToFour() {
        var stats = at("2026-03-29T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            stats.record(new Tally().add(Metric.CONVERSATIONS_BY_CHANNEL, "telegram"));
        }
        for (int i = 0; i < 4; i++) {
            stats.record(new Tally().add(Metric.CONVERSATIONS_BY_CHANNEL, "sms"));
        }
        stats.record(new Tally().add(Metric.ALERTS, "minor"));
        // Counted, then corrected away: a zero is not a figure.
        stats.record(new Tally().add(Metric.ATTENDED, "pad"));
        stats.record(new Tally().add(Metric.ATTENDED, "pad", -1));

        var published = stats.published(DAY, DAY);

        assertThat(published).extracting(Figure::metric, Figure::dimension, Figure::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("conversations.channel", "sms", "<5"),
                org.assertj.core.groups.Tuple.tuple("conversations.channel", "telegram", "5"),
                org.assertj.core.groups.Tuple.tuple("alerts", "minor", "<5"));
        assertThat(published.get(0).suppressed()).isTrue();
        // The raw values stay available inside.
        assertThat(value(stats.raw(DAY, DAY), DAY, Metric.CONVERSATIONS_BY_CHANNEL, "sms")).isEqualTo(4);
    }

    @Test
    void aWaitingTimeSumIsHiddenWhileFewerThanFiveClaimsStandBehindIt() {
        var stats = at("2026-03-29T10:00:00Z");
        // One long wait: its sum alone would give her waiting time.
        stats.record(new Tally().claimed(Priority.DANGER, Duration.ofMinutes(40)));
        for (int i = 0; i < 5; i++) {
            stats.record(new Tally().claimed(Priority.NORMAL, Duration.ofMinutes(2 + i)));
        }

        var published = stats.published(DAY, DAY);

        assertThat(published).filteredOn(f -> f.metric().equals("handoffs.claim-seconds"))
                .extracting(Figure::dimension, Figure::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("danger", "<5"),
                        org.assertj.core.groups.Tuple.tuple("normal", Long.toString((2 + 3 + 4 + 5 + 6) * 60L)));
        assertThat(published).filteredOn(f -> f.metric().equals("handoffs.claim-wait"))
                .extracting(Figure::dimension, Figure::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("1m-5m", "<5"),
                        org.assertj.core.groups.Tuple.tuple("5m-15m", "<5"),
                        org.assertj.core.groups.Tuple.tuple("15m-1h", "<5"));
        assertThat(value(stats.raw(DAY, DAY), DAY, Metric.CLAIM_WAIT, "1m-5m")).isEqualTo(3);
    }

    @Test
    void waitingTimesFallInTheirBrackets() {
        assertThat(Tally.bracket(Duration.ofSeconds(59))).isEqualTo("under-1m");
        assertThat(Tally.bracket(Duration.ofMinutes(1))).isEqualTo("1m-5m");
        assertThat(Tally.bracket(Duration.ofMinutes(14))).isEqualTo("5m-15m");
        assertThat(Tally.bracket(Duration.ofMinutes(59))).isEqualTo("15m-1h");
        assertThat(Tally.bracket(Duration.ofHours(3))).isEqualTo("1h-4h");
        assertThat(Tally.bracket(Duration.ofHours(23))).isEqualTo("4h-24h");
        assertThat(Tally.bracket(Duration.ofDays(3))).isEqualTo("over-24h");
    }

    @Test
    void aDimensionCanOnlyBeAShortLowerCaseName() {
        var tally = new Tally();
        for (var bad : new String[] {"+33612345678 ", "Amina", "il me frappe", "", "x".repeat(65), null}) {
            assertThatIllegalArgumentException().isThrownBy(() -> tally.add(Metric.TOPICS, bad));
        }
        assertThat(tally.isEmpty()).isTrue();
    }

    @Test
    void theReaderRefusesAReversedOrTooLongRange() {
        var stats = at("2026-03-29T10:00:00Z");

        assertThatIllegalArgumentException().isThrownBy(() -> stats.raw(DAY, DAY.minusDays(1)))
                .withMessageContaining("from must not be after to");
        assertThatIllegalArgumentException().isThrownBy(() -> stats.published(DAY, DAY.plusDays(366)))
                .withMessageContaining("at most 366 days");
        assertThat(stats.published(DAY, DAY.plusDays(365))).isEmpty();
    }

    @Test
    void countingWhileRedisIsAwayLosesTheCountsButNeverThrows() {
        try (var away = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.freePort()), "away:")) {
            var stats = new Stats(away, Clock.systemUTC(), StatsSettings.defaults());

            assertThatNoException().isThrownBy(() -> stats.record(new Tally().add(Metric.TOPICS, "complaint")));
            assertThatThrownBy(() -> stats.raw(DAY, DAY)).isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void statisticsThatAreOffCountAndReadNothing() {
        var off = Stats.off();
        off.record(new Tally().add(Metric.TOPICS, "complaint"));

        assertThat(off.published(DAY, DAY)).isEmpty();
    }
}
