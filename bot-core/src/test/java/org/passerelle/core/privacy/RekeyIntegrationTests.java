package org.passerelle.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/** The re-seal sweep moves every sealed value about people under the current key, so the old key can go. */
class RekeyIntegrationTests {

    private final RedisStore store = TestRedis.newStore();
    private final Map<String, byte[]> keys = new LinkedHashMap<>(Map.of("k1", random(), "k2", random()));

    @AfterEach
    void close() {
        store.close();
    }

    private static byte[] random() {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private List<AddressSealer> sealers(Keyring ring) {
        return List.of(AddressSealer.forAddresses(ring, null), AddressSealer.forTexts(ring, null));
    }

    @Test
    void resealsUnderTheNewKeySoThatTheOldOneCanBeRetired() {
        var old = sealers(new Keyring(keys, "k1"));
        var conv = store.key("conv", "p1");
        var handoff = store.key("handoff", "p1");
        var transcript = store.key("handoff", "transcript", "p1");
        store.call(jedis -> {
            jedis.hset(conv, "s", old.get(1).seal("c1;step:4:MENU"));
            jedis.expire(conv, 1000);
            jedis.hset(handoff, Map.of("to", old.get(0).seal("+33612345678"), "language", "fr"));
            jedis.rpush(transcript, old.get(1).seal("P\t1\tbonjour"), old.get(1).seal("B\t2\tBonjour !"));
            return jedis.expire(transcript, 500);
        });

        var rotated = sealers(new Keyring(keys, "k2"));
        var result = new Rekey(store, rotated).run();
        assertThat(result).isEqualTo(new Rekey.Result(4, 4, 0));
        assertThat(new Rekey(store, rotated).run()).isEqualTo(new Rekey.Result(4, 0, 0));

        var retired = sealers(new Keyring(Map.of("k2", keys.get("k2")), "k2"));
        assertThat(retired.get(1).open(store.call(jedis -> jedis.hget(conv, "s")))).isEqualTo("c1;step:4:MENU");
        assertThat(retired.get(0).open(store.call(jedis -> jedis.hget(handoff, "to")))).isEqualTo("+33612345678");
        assertThat(store.<List<String>>call(jedis -> jedis.lrange(transcript, 0, -1))).extracting(retired.get(1)::open)
                .containsExactly("P\t1\tbonjour", "B\t2\tBonjour !");
        assertThat(store.<String>call(jedis -> jedis.hget(handoff, "language"))).isEqualTo("fr");
        // Her data keeps its time to live: a sweep is not her activity.
        assertThat(store.<Long>call(jedis -> jedis.ttl(conv))).isBetween(990L, 1000L);
        assertThat(store.<Long>call(jedis -> jedis.ttl(transcript))).isBetween(490L, 500L);
        assertThat(store.<Long>call(jedis -> jedis.ttl(handoff))).isEqualTo(-1L);
    }

    @Test
    void leavesAValueUnderAnUnknownKeyAloneAndGoesOn() {
        var foreign = sealers(Keyring.of("k9", random()));
        var ring = new Keyring(keys, "k2");
        var booking = store.key("booking", "AB123");
        store.call(jedis -> jedis.hset(booking, Map.of("nickname", foreign.get(1).seal("Mimi"),
                "other", sealers(new Keyring(keys, "k1")).get(1).seal("Rosa"))));

        var result = new Rekey(store, sealers(ring)).run();
        assertThat(result).isEqualTo(new Rekey.Result(2, 1, 1));
        assertThat(store.<String>call(jedis -> jedis.hget(booking, "nickname"))).startsWith("k:k9:");
        assertThat(store.<String>call(jedis -> jedis.hget(booking, "other"))).startsWith("k:k2:");
    }

    @Test
    void touchesNothingOutsideTheKeysAboutPeople() {
        var content = store.key("content", "v", "1");
        var value = sealers(new Keyring(keys, "k1")).get(1).seal("not about a person");
        store.call(jedis -> jedis.hset(content, "topics/x.yaml", value));
        assertThat(new Rekey(store, sealers(new Keyring(keys, "k2"))).run().values()).isZero();
        assertThat(store.<String>call(jedis -> jedis.hget(content, "topics/x.yaml"))).isEqualTo(value);
    }
}
