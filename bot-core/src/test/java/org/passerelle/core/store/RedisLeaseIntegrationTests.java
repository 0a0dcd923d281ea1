package org.passerelle.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One holder at a time, on Redis' clock alone. */
class RedisLeaseIntegrationTests {

    private static final Duration LEASE = Duration.ofMillis(600);

    private final RedisStore store = TestRedis.newStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void onlyOneHolderAtATimeAndNeitherRenewsNorReleasesTheOthersLease() {
        var first = new RedisLease(store, store.key("role"), LEASE);
        var second = new RedisLease(store, store.key("role"), LEASE);

        assertThat(first.tryAcquire()).isTrue();
        assertThat(second.tryAcquire()).isFalse();
        assertThat(second.renew()).isFalse();
        second.release();

        assertThat(store.<String>call(jedis -> jedis.get(store.key("role")))).isEqualTo(first.token());
        assertThat(first.renew()).isTrue();
        first.release();
        assertThat(second.tryAcquire()).isTrue();
    }

    @Test
    void onAStopGivesTheLeaseUpOrLetsItLapseWhenRedisIsAway() {
        var held = new RedisLease(store, store.key("stopping"), LEASE);
        assertThat(held.tryAcquire()).isTrue();

        assertThat(held.releaseOnStop("test role")).isTrue();
        assertThat(store.<String>call(jedis -> jedis.get(store.key("stopping")))).isNull();

        try (var away = new RedisStore(new redis.clients.jedis.JedisPooled("127.0.0.1", TestRedis.freePort()), "x:")) {
            assertThat(new RedisLease(away, away.key("stopping"), LEASE).releaseOnStop("test role")).isFalse();
        }
    }

    @Test
    void aHolderThatStopsRenewingLosesTheLeaseToAnother() throws InterruptedException {
        var dead = new RedisLease(store, store.key("role"), LEASE);
        var live = new RedisLease(store, store.key("role"), LEASE);
        assertThat(dead.tryAcquire()).isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!live.tryAcquire()) {
            assertThat(System.nanoTime()).as("the lease lapsed").isLessThan(deadline);
            Thread.sleep(50);
        }

        assertThat(dead.renew()).isFalse();
        assertThat(live.renew()).isTrue();
        assertThat(store.<Long>call(jedis -> jedis.pttl(store.key("role")))).isBetween(1L, LEASE.toMillis());
    }

    @Test
    void aLapsedLeaseThatNoOneTookIsTakenBackOnRenewal() {
        var holder = new RedisLease(store, store.key("role"), LEASE);
        assertThat(holder.tryAcquire()).isTrue();
        // As after Redis was away longer than the lease.
        store.call(jedis -> jedis.del(store.key("role")));

        assertThat(holder.renew()).isTrue();
        assertThat(store.<String>call(jedis -> jedis.get(store.key("role")))).isEqualTo(holder.token());
    }
}
