package org.passerelle.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.conversation.MutableClock;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;

/** The per-address token buckets on a real Redis, and in memory while Redis is away. */
class AddressLimiterIntegrationTests {

    private static final byte[] SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final Limit FIVE_A_MINUTE = new Limit("login", 5, Duration.ofMinutes(1));
    private static final String IP = "203.0.113.7";

    private final RedisStore store = TestRedis.newStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final AddressLimiter limiter = new AddressLimiter(store, SECRET, clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void letsTheAllowanceThroughThenRefusesWithTheWaitUntilTheNextRequest() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.take(FIVE_A_MINUTE, IP).allowed()).as("request %d", i + 1).isTrue();
        }

        var refused = limiter.take(FIVE_A_MINUTE, IP);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(refused.retryAfterSeconds()).isEqualTo(12);
    }

    @Test
    void givesTheAllowanceBackEvenlyOverTheWindow() {
        for (int i = 0; i < 5; i++) {
            limiter.take(FIVE_A_MINUTE, IP);
        }
        clock.advance(Duration.ofSeconds(12));

        assertThat(limiter.take(FIVE_A_MINUTE, IP).allowed()).isTrue();
        assertThat(limiter.take(FIVE_A_MINUTE, IP).allowed()).isFalse();
    }

    @Test
    void checkingTakesNothingFromTheAllowance() {
        for (int i = 0; i < 4; i++) {
            limiter.take(FIVE_A_MINUTE, IP);
        }

        assertThat(limiter.check(FIVE_A_MINUTE, IP).allowed()).isTrue();
        assertThat(limiter.check(FIVE_A_MINUTE, IP).allowed()).isTrue();
        limiter.take(FIVE_A_MINUTE, IP);
        assertThat(limiter.check(FIVE_A_MINUTE, IP).allowed()).isFalse();
        assertThat(limiter.check(FIVE_A_MINUTE, "198.51.100.4").allowed()).isTrue();
    }

    @Test
    void countsEachAddressAndEachLimitApart() {
        for (int i = 0; i < 5; i++) {
            limiter.take(FIVE_A_MINUTE, IP);
        }

        assertThat(limiter.take(FIVE_A_MINUTE, "198.51.100.4").allowed()).isTrue();
        assertThat(limiter.take(new Limit("connectors", 5, Duration.ofMinutes(1)), IP).allowed()).isTrue();
    }

    @Test
    void keepsNoAddressInClearAndLetsTheBucketExpire() {
        limiter.take(FIVE_A_MINUTE, IP);

        var keys = new ArrayList<String>();
        store.call(jedis -> jedis.scan(ScanParams.SCAN_POINTER_START, new ScanParams().match(store.key("limit", "*"))
                .count(1000))).getResult().forEach(keys::add);
        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key).doesNotContain(IP).doesNotContain("203");
            assertThat(store.<Long>call(jedis -> jedis.pttl(key))).isBetween(1_000L, 13_000L);
        });
    }

    @Test
    void countsInMemoryWhileRedisIsUnavailableInsteadOfRefusingEveryone() {
        try (var down = new RedisStore(new JedisPooled("127.0.0.1", TestRedis.freePort()), "x:")) {
            var alone = new AddressLimiter(down, SECRET, clock);
            for (int i = 0; i < 5; i++) {
                assertThat(alone.take(FIVE_A_MINUTE, IP).allowed()).as("request %d", i + 1).isTrue();
            }
            assertThat(alone.check(FIVE_A_MINUTE, IP).allowed()).isFalse();
            assertThat(alone.take(FIVE_A_MINUTE, IP).allowed()).isFalse();
            assertThat(alone.take(FIVE_A_MINUTE, "198.51.100.4").allowed()).isTrue();
        }
    }
}
