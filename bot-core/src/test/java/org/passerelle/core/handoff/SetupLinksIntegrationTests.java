package org.passerelle.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

class SetupLinksIntegrationTests {

    private final RedisStore store = TestRedis.newStore();
    private final SetupLinks links = new SetupLinks(store, 3, Duration.ofMinutes(15));

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aTokenWorksOnceAndOnlyItsHashIsKept() {
        var token = links.issue(Duration.ofHours(24));

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        String stored = store.call(jedis -> jedis.get(store.key("staff", "setup", "token")));
        assertThat(stored).doesNotContain(token).hasSize(64);
        long ttl = store.call(jedis -> jedis.pttl(store.key("staff", "setup", "token")));
        assertThat(ttl).isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());

        assertThat(links.check(token)).isEqualTo(SetupLinks.Check.VALID);
        assertThat(links.consume(token)).isTrue();
        assertThat(links.consume(token)).isFalse();
        assertThat(links.check(token)).isEqualTo(SetupLinks.Check.GONE);
    }

    @Test
    void aNewTokenReplacesTheOneBefore() {
        var first = links.issue(Duration.ofHours(24));
        var second = links.issue(Duration.ofHours(24));

        assertThat(second).isNotEqualTo(first);
        assertThat(links.check(first)).isEqualTo(SetupLinks.Check.WRONG);
        assertThat(links.consume(first)).isFalse();
        assertThat(links.check(second)).isEqualTo(SetupLinks.Check.VALID);
    }

    @Test
    void refusesEveryTokenAfterTooManyWrongOnes() {
        var token = links.issue(Duration.ofHours(24));

        assertThat(links.check("guess-1")).isEqualTo(SetupLinks.Check.WRONG);
        assertThat(links.check("guess-2")).isEqualTo(SetupLinks.Check.WRONG);
        assertThat(links.check("guess-3")).isEqualTo(SetupLinks.Check.WRONG);

        assertThat(links.check(token)).isEqualTo(SetupLinks.Check.THROTTLED);
        long ttl = store.call(jedis -> jedis.pttl(store.key("staff", "setup", "wrong")));
        assertThat(ttl).isBetween(Duration.ofMinutes(14).toMillis(), Duration.ofMinutes(15).toMillis());
    }

    @Test
    void anExpiredOrRevokedTokenIsGone() throws InterruptedException {
        var shortLived = links.issue(Duration.ofMillis(50));
        Thread.sleep(120);
        assertThat(links.check(shortLived)).isEqualTo(SetupLinks.Check.GONE);

        var revoked = links.issue(Duration.ofHours(1));
        links.revoke();
        assertThat(links.check(revoked)).isEqualTo(SetupLinks.Check.GONE);
        assertThat(links.consume(revoked)).isFalse();
    }
}
