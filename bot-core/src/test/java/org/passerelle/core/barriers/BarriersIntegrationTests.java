package org.passerelle.core.barriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.conversation.MutableClock;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;

/** The monthly counters on a real Redis: by Paris month, a complete grid, "<5" when published. */
class BarriersIntegrationTests {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final RedisStore store = TestRedis.newStore();
    // 30 November 2026, 22:30 UTC: 23:30 in Paris.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T22:30:00Z"));
    private final Barriers barriers = new Barriers(store, clock, BarrierSettings.defaults());

    @AfterEach
    void close() {
        store.close();
    }

    private void count(Barrier barrier, int times) {
        for (int i = 0; i < times; i++) {
            barriers.count(barrier);
        }
    }

    @Test
    void countsInTheMonthOfParisAndExpiresAfterTheRetention() {
        count(Barrier.COMPLAINT_REFUSED, 2);
        clock.advance(Duration.ofHours(1));
        count(Barrier.COMPLAINT_REFUSED, 1);

        assertThat(barriers.raw(NOVEMBER, NOVEMBER).get(NOVEMBER).get(Barrier.COMPLAINT_REFUSED)).isEqualTo(2);
        assertThat(barriers.raw(NOVEMBER.plusMonths(1), NOVEMBER.plusMonths(1)).get(NOVEMBER.plusMonths(1))
                .get(Barrier.COMPLAINT_REFUSED)).isEqualTo(1);
        // Redis counts the time to live on its own clock: the month's end in Paris plus the retention.
        var expiresAt = Instant.parse("2026-11-30T23:00:00Z").plus(BarrierSettings.DEFAULT_RETENTION);
        var ttl = store.<Long>call(jedis -> jedis.ttl(store.key("barriers", "month", "2026-11")));
        assertThat(Instant.now().plusSeconds(ttl)).isBetween(expiresAt.minusSeconds(5), expiresAt.plusSeconds(5));
    }

    @Test
    void publishesEveryAnswerOfEveryMonthWithSmallCountsHidden() {
        count(Barrier.LAWYER_AID_REFUSED, 4);
        count(Barrier.LAWYER_NONE_FOUND, 5);
        count(Barrier.PERMIT_SKIPPED, 1);

        var figures = barriers.published(NOVEMBER.minusMonths(1), NOVEMBER);

        assertThat(figures).hasSize(2 * Barrier.values().length);
        assertThat(figures).filteredOn(f -> f.month().equals(NOVEMBER))
                .extracting(f -> f.barrier().type() + "=" + f.value())
                .contains("legal_aid_refused=<5", "no_free_lawyer=5", "skipped=<5", "refused=0");
        assertThat(figures).filteredOn(f -> f.month().equals(NOVEMBER.minusMonths(1)))
                .extracting(BarrierFigure::value).containsOnly("0");
    }

    @Test
    void refusesAReversedOrTooLongRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> barriers.raw(NOVEMBER, NOVEMBER.minusMonths(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> barriers.raw(NOVEMBER.minusMonths(Barriers.MAX_MONTHS), NOVEMBER));
        assertThat(barriers.raw(NOVEMBER.minusMonths(Barriers.MAX_MONTHS - 1), NOVEMBER)).hasSize(Barriers.MAX_MONTHS);
    }

    @Test
    void writesNothingButTheMonthlyHash() {
        count(Barrier.COMPLAINT_TREATED_AS_OFFENDER, 1);

        var keys = store.<Set<String>>call(jedis -> jedis.keys(store.prefix() + "*"));
        assertThat(keys).containsExactly(store.key("barriers", "month", "2026-11"));
        assertThat(store.<java.util.Map<String, String>>call(jedis -> jedis.hgetAll(keys.iterator().next())))
                .containsExactly(java.util.Map.entry("complaint|treated_as_offender", "1"));
    }

    @Test
    void anAnswerIsLostQuietlyWhenRedisIsAway() {
        try (var away = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.freePort()), "away:")) {
            var down = new Barriers(away, clock, BarrierSettings.defaults());

            down.count(Barrier.COMPLAINT_REFUSED);

            assertThat(down.asking()).isTrue();
        }
    }

    @Test
    void barriersOffAskAndCountNothing() {
        var off = Barriers.off();
        off.count(Barrier.COMPLAINT_REFUSED);

        assertThat(off.asking()).isFalse();
        assertThat(off.raw(NOVEMBER, NOVEMBER).get(NOVEMBER).values()).containsOnly(0L);
    }

    @Test
    void everyTopicEndsWithTheAnswerThatDeclinesAndUsesKnownUiKeys() {
        for (var topic : BarrierTopic.values()) {
            var answers = topic.barriers();
            assertThat(answers.get(answers.size() - 1).skipped()).isTrue();
            assertThat(answers).extracting(Barrier::type).doesNotHaveDuplicates();
        }
        assertThat(org.passerelle.content.UiKeys.BARRIERS).containsAll(Barrier.uiKeys())
                .contains("barrier.thanks", "barrier.declined").hasSize(Barrier.uiKeys().size() + 2);
    }
}
