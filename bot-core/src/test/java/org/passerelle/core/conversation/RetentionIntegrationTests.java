package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.core.handoff.HandoffQueue;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.store.RedisDump;

/**
 * With a retention period of two seconds, real Redis expiry: everything about her goes by itself
 * once she stops writing (her state, handoff, transcript, context, the queue's mention of her, her
 * replies once sent), and her writing again keeps it; the anonymous counters stay.
 */
class RetentionIntegrationTests {

    private static final Duration RETENTION = Duration.ofSeconds(2);

    private final PersonFixture fixture = new PersonFixture(RETENTION);

    /** The models load on the first free text: not within the seconds a test measures. */
    @BeforeAll
    static void warmUp() {
        try (var someoneElse = new PersonFixture(RETENTION)) {
            someoneElse.say("bonjour, j'ai une question sur mes droits");
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void forgetsEverythingAboutHerAfterTheRetentionPeriod() throws InterruptedException {
        fixture.say("bonjour");
        fixture.say("lang:fr");
        fixture.say("human");
        fixture.say("il y a quelqu'un ?");
        assertThat(fixture.deliver(true)).isNotEmpty();
        var before = RedisDump.of(fixture.store);
        assertThat(RedisDump.keysMentioning(before, fixture.conversationId))
                .anyMatch(key -> key.endsWith(":conv:" + fixture.conversationId))
                .anyMatch(key -> key.endsWith(":handoff:" + fixture.conversationId))
                .anyMatch(key -> key.endsWith(":handoff:transcript:" + fixture.conversationId))
                .anyMatch(key -> key.endsWith(":handoff:queue"));
        var counters = before.keySet().stream().filter(key -> key.contains(":stats:day:")).toList();
        assertThat(counters).isNotEmpty();

        Thread.sleep(RETENTION.plusMillis(600).toMillis());
        new HandoffQueue(fixture.store, RETENTION, fixture.clock).forgetExpired();

        var after = RedisDump.of(fixture.store);
        assertThat(RedisDump.keysMentioning(after, fixture.conversationId))
                .containsExactly(fixture.store.key("flood", fixture.conversationId));
        assertThat(after.values().stream().flatMap(List::stream)).noneMatch(AddressSealer::isSealed);
        assertThat(after.keySet()).containsAll(counters);
        assertThat(after.get(counters.get(0))).isNotEmpty();
    }

    @Test
    void keepsHerDataWhileSheWrites() throws InterruptedException {
        fixture.say("bonjour");
        fixture.say("human");
        Thread.sleep(1_200);
        fixture.say("toujours là");
        Thread.sleep(1_200);
        // Two seconds and more after the first message, one second after the last.
        var dump = RedisDump.of(fixture.store);
        assertThat(RedisDump.keysMentioning(dump, fixture.conversationId))
                .contains(fixture.store.key("conv", fixture.conversationId),
                        fixture.store.key("handoff", fixture.conversationId),
                        fixture.store.key("handoff", "transcript", fixture.conversationId));
    }

    @Test
    void neverKeepsTheContextOfHerLastTurnsLongerThanTheRetention() {
        fixture.say("bonjour");
        long ttl = fixture.store.call(jedis -> jedis.pttl(fixture.store.key("handoff", "context", fixture.conversationId)));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(RETENTION.toMillis());
    }
}
