package org.passerelle.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.barriers.BarrierMemory;
import org.passerelle.core.barriers.BarrierTopic;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.privacy.AddressSealer;
import org.passerelle.core.privacy.Keyring;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** Her conversation state in Redis: one sealed field, readable after a rotation, never a crash when unreadable. */
class ConversationStateKeyIntegrationTests {

    private static final byte[] K1 = random();
    private static final byte[] K2 = random();
    private static final ConversationState DRAFTING = new ConversationState(Language.BG, Step.TOPIC, "lawyer",
            HandoffState.WAITING, 1, Channel.SMS, Instant.parse("2026-11-30T10:00:00Z"), List.of(), true, false,
            new BookingDraft("lawyer-2026-12-01T18:00", "Mimi", Language.EN),
            BarrierMemory.NONE.reading(BarrierTopic.LAWYER, Instant.parse("2026-11-29T09:00:00Z")));

    private final RedisStore store = TestRedis.newStore();

    @AfterEach
    void close() {
        store.close();
    }

    private static byte[] random() {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private ConversationStore conversations(Keyring ring) {
        return new ConversationStore(store, Duration.ofDays(30), TestEngines.NICKNAMES, AddressSealer.forTexts(ring, null));
    }

    private Map<String, String> stored() {
        return store.call(jedis -> jedis.hgetAll(store.key("conv", "p1")));
    }

    @Test
    void keepsHerWholeStateInOneSealedFieldThatSaysNothingInADump() {
        conversations(Keyring.of("k1", K1)).save("p1", DRAFTING);
        assertThat(stored()).containsOnlyKeys("s");
        assertThat(stored().get("s")).startsWith("k:k1:")
                .doesNotContain("lawyer", "Mimi", "WAITING", "TOPIC");
        assertThat(conversations(Keyring.of("k1", K1)).load("p1")).contains(DRAFTING);
        assertThat(store.<Long>call(jedis -> jedis.ttl(store.key("conv", "p1")))).isGreaterThan(29L * 24 * 3600);
    }

    @Test
    void readsAStateSealedUnderTheOldKeyAndSealsItUnderTheNewOneAtTheNextSave() {
        conversations(Keyring.of("k1", K1)).save("p1", DRAFTING);
        var rotated = conversations(new Keyring(Map.of("k1", K1, "k2", K2), "k2"));
        var state = rotated.load("p1").orElseThrow();
        assertThat(state).isEqualTo(DRAFTING);
        rotated.save("p1", state.missed());
        assertThat(stored().get("s")).startsWith("k:k2:");
        assertThat(conversations(Keyring.of("k2", K2)).load("p1")).hasValueSatisfying(s -> assertThat(s.misses())
                .isEqualTo(2));
    }

    @Test
    void readsTheClearStateOfAnEarlierVersionAndSealsItWhenSwept() {
        store.call(jedis -> {
            jedis.hset(store.key("conv", "p1"), Map.of("step", "MENU", "handoff", "BOT", "misses", "0", "channel",
                    "telegram", "last", "1764496800000", "language", "ro",
                    "draftSlot", "pad-1", "draftNickname", TestEngines.NICKNAMES.seal("Ioana")));
            return jedis.expire(store.key("conv", "p1"), 600);
        });
        var conversations = conversations(Keyring.of("k1", K1));
        var state = conversations.load("p1").orElseThrow();
        assertThat(state.language()).isEqualTo(Language.RO);
        assertThat(state.draft().nickname()).isEqualTo("Ioana");

        assertThat(conversations.reseal("p1")).isTrue();
        assertThat(stored()).containsOnlyKeys("s");
        assertThat(conversations.load("p1")).contains(state);
        assertThat(store.<Long>call(jedis -> jedis.ttl(store.key("conv", "p1")))).isBetween(590L, 600L);
        assertThat(conversations.reseal("p1")).isFalse();
    }

    @Test
    void startsAfreshWhenHerStateIsUnderAKeyNoLongerHeld() {
        conversations(Keyring.of("k1", K1)).save("p1", DRAFTING);
        assertThat(conversations(Keyring.of("k2", K2)).load("p1")).isEmpty();
    }

    @Test
    void marksHerStoppedWithoutMakingItLastLonger() {
        var conversations = new ConversationStore(store, Duration.ofSeconds(100), TestEngines.NICKNAMES,
                AddressSealer.forTexts(Keyring.of("k1", K1), null));
        conversations.save("p1", DRAFTING);
        store.call(jedis -> jedis.expire(store.key("conv", "p1"), 50));
        conversations.markStopped("p1");
        assertThat(conversations.load("p1")).hasValueSatisfying(s -> assertThat(s.stopped()).isTrue());
        assertThat(store.<Long>call(jedis -> jedis.ttl(store.key("conv", "p1")))).isBetween(45L, 50L);
        conversations.erase("p1");
        conversations.markStopped("p1");
        assertThat(conversations.exists("p1")).isFalse();
    }
}
