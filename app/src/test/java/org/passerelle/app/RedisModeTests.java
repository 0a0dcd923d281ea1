package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisModeTests {

    private static final URI URL = URI.create("redis://:secret@redis.internal:6379/0");
    private static final RedisSettings.Sentinel SENTINEL = new RedisSettings.Sentinel("passerelle",
            List.of("s1.internal:26379", " s2.internal:26379 ", "[::1]:26380"), null, "secret", null, null);
    private static final RedisSettings.Cluster CLUSTER = new RedisSettings.Cluster(
            List.of("c1.internal:7000", "c2.internal:7001"), null, "secret");

    private static RedisSettings settings(URI url, String prefix, RedisSettings.Sentinel sentinel,
            RedisSettings.Cluster cluster) {
        return new RedisSettings(url, prefix, 8, Duration.ofSeconds(2), Duration.ofSeconds(2), sentinel, cluster);
    }

    @Test
    void startsTheEmbeddedServerWhenNothingIsSet() {
        var settings = settings(null, null, null, null);
        assertThat(RedisMode.of(settings)).isInstanceOf(RedisMode.Embedded.class);
        assertThat(settings.embedded()).isTrue();
        assertThat(settings.keyPrefix()).isEqualTo("passerelle:");
    }

    @Test
    void usesTheUrlAndHidesItsPassword() {
        var mode = RedisMode.of(settings(URL, null, null, null));
        assertThat(mode).isEqualTo(new RedisMode.Standalone(URL));
        assertThat(mode.where()).isEqualTo("redis://redis.internal:6379/0").doesNotContain("secret");
    }

    @Test
    void readsTheSentinelsAndTheMasterName() {
        var settings = settings(null, null, SENTINEL, null);
        var mode = RedisMode.of(settings);
        assertThat(settings.embedded()).isFalse();
        assertThat(mode).isInstanceOfSatisfying(RedisMode.Sentinel.class, sentinel -> {
            assertThat(sentinel.master()).isEqualTo("passerelle");
            assertThat(sentinel.sentinels()).containsExactly(new HostAndPort("s1.internal", 26379),
                    new HostAndPort("s2.internal", 26379), new HostAndPort("::1", 26380));
        });
        assertThat(mode.where()).doesNotContain("secret");
        assertThat(settings.keyPrefix()).isEqualTo("passerelle:");
    }

    @Test
    void refusesSentinelsWithoutAMasterName() {
        var nameless = new RedisSettings.Sentinel(" ", List.of("s1.internal:26379"), null, null, null, null);
        assertThatThrownBy(() -> RedisMode.of(settings(null, null, nameless, null)))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("passerelle.redis.sentinel.master");
    }

    @Test
    void refusesAMasterNameWithoutSentinels() {
        var alone = new RedisSettings.Sentinel("passerelle", List.of(), null, null, null, null);
        assertThatThrownBy(() -> RedisMode.of(settings(null, null, alone, null)))
                .isInstanceOf(StartupException.class)
                .hasMessage("passerelle.redis.sentinel.nodes is empty");
    }

    @Test
    void refusesANodeThatIsNotHostAndPort() {
        for (var wrong : List.of("redis.internal", "redis.internal:", ":7000", "redis.internal:seven",
                "redis.internal:70000", "")) {
            var cluster = new RedisSettings.Cluster(List.of("c1.internal:7000", wrong), null, null);
            assertThatThrownBy(() -> RedisMode.of(settings(null, null, null, cluster)))
                    .as(wrong)
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("passerelle.redis.cluster.nodes has '" + wrong + "'");
        }
    }

    @Test
    void refusesMoreThanOneRedis() {
        assertThatThrownBy(() -> RedisMode.of(settings(URL, null, SENTINEL, null)))
                .isInstanceOf(StartupException.class)
                .hasMessage("more than one Redis is configured: passerelle.redis.url, passerelle.redis.sentinel.*")
                .satisfies(e -> assertThat(((StartupException) e).action()).contains("Set only one"));
        assertThatThrownBy(() -> RedisMode.of(settings(null, "{p}:", SENTINEL, CLUSTER)))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("passerelle.redis.sentinel.*, passerelle.redis.cluster.nodes");
        assertThatThrownBy(() -> RedisMode.of(settings(URL, "{p}:", null, CLUSTER)))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("passerelle.redis.url, passerelle.redis.cluster.nodes");
    }

    @Test
    void givesAClusterAPrefixWithAHashTagByDefault() {
        var settings = settings(null, null, null, CLUSTER);
        assertThat(settings.keyPrefix()).isEqualTo("{passerelle}:");
        assertThat(RedisMode.of(settings)).isInstanceOfSatisfying(RedisMode.Cluster.class,
                cluster -> assertThat(cluster.nodes()).containsExactly(new HostAndPort("c1.internal", 7000),
                        new HostAndPort("c2.internal", 7001)));
    }

    @Test
    void refusesAClusterPrefixWithoutAHashTag() {
        for (var prefix : List.of("passerelle:", "{}passerelle:", "passerelle}{:", "pass{erelle:")) {
            assertThatThrownBy(() -> RedisMode.of(settings(null, prefix, null, CLUSTER)))
                    .as(prefix)
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("'" + prefix + "' has no hash tag")
                    .satisfies(e -> assertThat(((StartupException) e).action()).contains("{passerelle}:"));
        }
    }

    @Test
    void acceptsAClusterPrefixWhoseHashTagIsAnywhere() {
        for (var prefix : List.of("{pa}:", "prod:{passerelle}:", "a}{b}:")) {
            assertThat(RedisMode.of(settings(null, prefix, null, CLUSTER))).as(prefix)
                    .isInstanceOf(RedisMode.Cluster.class);
        }
    }

    @Test
    void putsEveryKeyUnderAPrefixWithAHashTagInOneSlot() {
        var prefix = "prod:{passerelle}:";
        assertThat(RedisKeyPrefix.hashTag(prefix)).isEqualTo("passerelle");
        assertThat(RedisKeyPrefix.hashTag("a}{b}:")).isEqualTo("b");
        int slot = JedisClusterCRC16.getSlot(prefix);
        for (var key : List.of("conv:0f3a", "outbox", "stats:day:2026-11-28", "booking:AB12C", "x{y}z")) {
            assertThat(JedisClusterCRC16.getSlot(prefix + key)).as(key).isEqualTo(slot);
        }
        assertThat(JedisClusterCRC16.getSlot("passerelle:conv:0f3a"))
                .isNotEqualTo(JedisClusterCRC16.getSlot("passerelle:outbox"));
    }
}
