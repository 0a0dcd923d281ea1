package org.passerelle.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

class SignInAttemptsIntegrationTests {

    private final RedisStore store = TestRedis.newStore();

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void locksAfterTheLastAllowedFailureAndOnlyThatAccount() {
        var attempts = new SignInAttempts(store, 3, Duration.ofMinutes(15));

        assertThat(attempts.failed("amina")).isFalse();
        assertThat(attempts.failed("amina")).isFalse();
        assertThat(attempts.locked("amina")).isFalse();
        assertThat(attempts.failed("amina")).isTrue();

        assertThat(attempts.locked("amina")).isTrue();
        assertThat(attempts.locked("boss")).isFalse();
        long ttl = store.call(jedis -> jedis.pttl(store.key("staff", "failures", "amina")));
        assertThat(ttl)
                .isBetween(Duration.ofMinutes(14).toMillis(), Duration.ofMinutes(15).toMillis());
    }

    @Test
    void aGoodSignInClearsTheCount() {
        var attempts = new SignInAttempts(store, 2, Duration.ofMinutes(15));
        attempts.failed("amina");

        attempts.succeeded("amina");

        assertThat(attempts.failed("amina")).isFalse();
        assertThat(attempts.locked("amina")).isFalse();
    }

    @Test
    void theLockEndsWhenTheLockoutHasPassed() throws InterruptedException {
        var attempts = new SignInAttempts(store, 1, Duration.ofMillis(300));
        attempts.failed("amina");
        assertThat(attempts.locked("amina")).isTrue();

        Thread.sleep(600);

        assertThat(attempts.locked("amina")).isFalse();
    }

    @Test
    void malformedNamesAreNeverCountedNorLocked() {
        var attempts = new SignInAttempts(store, 1, Duration.ofMinutes(15));

        assertThat(attempts.failed("bad:name")).isFalse();
        assertThat(attempts.locked("bad:name")).isFalse();
        Set<String> keys = store.call(jedis -> jedis.keys(store.prefix() + "*"));
        assertThat(keys).isEmpty();
    }
}
