package org.passerelle.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyRotationTests {

    private static final byte[] SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] K1 = random();
    private static final byte[] K2 = random();

    private static byte[] random() {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static Keyring ring(String current, String... ids) {
        var keys = new LinkedHashMap<String, byte[]>();
        for (var id : ids) {
            keys.put(id, id.equals("k1") ? K1 : K2);
        }
        return new Keyring(keys, current);
    }

    @Test
    void opensWhatTheOldKeySealedAfterTheCurrentKeyChanges() {
        var before = AddressSealer.forTexts(ring("k1", "k1"), null);
        var sealed = before.seal("Amina");
        assertThat(sealed).startsWith("k:k1:").doesNotContain("Amina");

        var after = AddressSealer.forTexts(ring("k2", "k1", "k2"), null);
        assertThat(after.open(sealed)).isEqualTo("Amina");
        var fresh = after.seal("Amina");
        assertThat(fresh).startsWith("k:k2:");
        assertThat(AddressSealer.keyId(fresh)).contains("k2");
        assertThat(after.isCurrent(fresh)).isTrue();
        assertThat(after.isCurrent(sealed)).isFalse();
    }

    @Test
    void stillOpensAfterTheOldKeyIsRetiredOnceResealed() {
        var rotated = AddressSealer.forAddresses(ring("k2", "k1", "k2"), null);
        var old = AddressSealer.forAddresses(ring("k1", "k1"), null).seal("+33612345678");
        var resealed = rotated.reseal(old);
        assertThat(resealed).startsWith("k:k2:").isNotEqualTo(old);
        assertThat(rotated.reseal(resealed)).isSameAs(resealed);

        var retired = AddressSealer.forAddresses(ring("k2", "k2"), null);
        assertThat(retired.open(resealed)).isEqualTo("+33612345678");
        assertThatThrownBy(() -> retired.open(old))
                .isInstanceOf(UnknownKeyException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sealed under key 'k1', which is not in the keyring")
                .hasMessageNotContaining("612345678");
    }

    @Test
    void keepsOpeningWhatEarlierVersionsSealedWithTheSecret() throws Exception {
        var legacy = legacySeal("passerelle address sealing", "+33700000000");
        var sealer = AddressSealer.forAddresses(ring("k1", "k1"), SECRET);
        assertThat(sealer.open(legacy)).isEqualTo("+33700000000");
        assertThat(sealer.isCurrent(legacy)).isFalse();
        assertThat(sealer.reseal(legacy)).startsWith("k:k1:");
        assertThat(AddressSealer.isSealed(legacy)).isTrue();

        var withoutSecret = AddressSealer.forAddresses(ring("k1", "k1"), null);
        assertThatThrownBy(() -> withoutSecret.open(legacy)).isInstanceOf(IllegalArgumentException.class);
        // The texts' key is another one, for old values too.
        assertThatThrownBy(() -> AddressSealer.forTexts(ring("k1", "k1"), SECRET).open(legacy))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAValueWhoseKeyIdWasSwapped() {
        var both = AddressSealer.forTexts(ring("k2", "k1", "k2"), null);
        var sealed = both.seal("a transcript line");
        var swapped = "k:k1:" + sealed.substring("k:k2:".length());
        assertThatThrownBy(() -> both.open(swapped))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(UnknownKeyException.class);
    }

    @Test
    void neverOpensAnAddressWithTheTextsKeyOfTheSameRing() {
        var ring = ring("k1", "k1");
        var address = AddressSealer.forAddresses(ring, null).seal("123456789");
        assertThatThrownBy(() -> AddressSealer.forTexts(ring, null).open(address))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMalformedRing() {
        assertThatThrownBy(() -> new Keyring(Map.of(), "k1")).hasMessageContaining("no key");
        assertThatThrownBy(() -> new Keyring(Map.of("K-1", K1), "K-1")).hasMessageContaining("'K-1'");
        assertThatThrownBy(() -> new Keyring(Map.of("k1", new byte[16]), "k1")).hasMessageContaining("shorter");
        assertThatThrownBy(() -> new Keyring(Map.of("k1", K1), "k2")).hasMessageContaining("'k2'");
        assertThat(ring("k1", "k1", "k2").toString()).doesNotContain(Base64.getEncoder().encodeToString(K1));
    }

    @Test
    void tellsWhatIsSealedFromWhatIsNot() {
        assertThat(AddressSealer.isSealed("k:k1:abc")).isTrue();
        assertThat(AddressSealer.isSealed("k:K1:abc")).isFalse();
        assertThat(AddressSealer.isSealed("WAITING")).isFalse();
        assertThat(AddressSealer.isSealed(null)).isFalse();
        assertThatThrownBy(() -> AddressSealer.forTexts(ring("k1", "k1"), null).open("fr"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A value as the versions before key ids sealed it: a key derived from the secret, no key id. */
    private static String legacySeal(String purpose, String value) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        var key = new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "AES");
        var iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        var sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
        var out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        return "a1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }
}
