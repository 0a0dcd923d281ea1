package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.core.privacy.AddressSealer;

class KeyringLoaderTests {

    private static final RedisSettings EMBEDDED = new RedisSettings(null, "passerelle:", 8, Duration.ofSeconds(2),
            Duration.ofSeconds(2));
    private static final RedisSettings EXTERNAL = new RedisSettings(URI.create("redis://127.0.0.1:6379"),
            "passerelle:", 8, Duration.ofSeconds(2), Duration.ofSeconds(2));

    @TempDir
    Path dataDir;

    private static String newKey() {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static PrivacySettings privacy(Map<String, String> keys, String current) {
        return new PrivacySettings(null, Duration.ofDays(30), keys, current, null);
    }

    @Test
    void generatesAFirstKeyReadableByItsOwnerOnlyAndKeepsItAcrossStarts() throws Exception {
        var first = KeyringLoader.resolve(privacy(null, null), EMBEDDED, dataDir);
        assertThat(first.ids()).containsExactly("k1");
        assertThat(first.currentId()).isEqualTo("k1");
        var directory = dataDir.resolve("keys");
        assertThat(Files.getPosixFilePermissions(directory)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(directory.resolve("k1.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        var sealed = AddressSealer.forTexts(first, null).seal("Amina");
        var again = KeyringLoader.resolve(privacy(null, null), EMBEDDED, dataDir);
        assertThat(AddressSealer.forTexts(again, null).open(sealed)).isEqualTo("Amina");
    }

    @Test
    void addsAConfiguredKeyToTheKeptOnesAndSealsUnderTheCurrentOne() {
        var first = KeyringLoader.resolve(privacy(null, null), EMBEDDED, dataDir);
        var sealed = AddressSealer.forAddresses(first, null).seal("+33612345678");

        var rotated = KeyringLoader.resolve(privacy(Map.of("k2", newKey()), "k2"), EMBEDDED, dataDir);
        assertThat(rotated.ids()).containsExactly("k1", "k2");
        var sealer = AddressSealer.forAddresses(rotated, null);
        assertThat(sealer.open(sealed)).isEqualTo("+33612345678");
        assertThat(sealer.seal("+33612345678")).startsWith("k:k2:");
        assertThat(dataDir.resolve("keys").resolve("k2.key")).doesNotExist();
    }

    @Test
    void asksWhichKeySealsWhenThereAreSeveral() {
        KeyringLoader.resolve(privacy(null, null), EMBEDDED, dataDir);
        assertThatThrownBy(() -> KeyringLoader.resolve(privacy(Map.of("k2", newKey()), null), EMBEDDED, dataDir))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("several sealing keys [k1, k2]")
                .hasMessageContaining("passerelle.privacy.current-key");
        assertThatThrownBy(() -> KeyringLoader.resolve(privacy(Map.of("k2", newKey()), "k3"), EMBEDDED, dataDir))
                .isInstanceOf(StartupException.class).hasMessageContaining("'k3'");
    }

    @Test
    void needsConfiguredKeysWithAnExternalRedisAndGeneratesNothing() {
        assertThatThrownBy(() -> KeyringLoader.resolve(privacy(null, null), EXTERNAL, dataDir))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("no sealing key is set");
        assertThat(dataDir.resolve("keys")).doesNotExist();
        var ring = KeyringLoader.resolve(privacy(Map.of("k7", newKey()), null), EXTERNAL, dataDir);
        assertThat(ring.currentId()).isEqualTo("k7");
    }

    @Test
    void refusesAMalformedOrShortKeyWithoutPrintingIt() {
        var shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyringLoader.resolve(privacy(Map.of("k1", shortKey), null), EXTERNAL, dataDir))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("shorter than 32 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> KeyringLoader.resolve(privacy(Map.of("k1", "not base64 at all!"), null), EXTERNAL,
                dataDir))
                .isInstanceOf(StartupException.class).hasMessageContaining("is not Base64")
                .hasMessageNotContaining("not base64 at all");
    }

    @Test
    void refusesAnIdThatNamesTwoDifferentKeys() {
        KeyringLoader.resolve(privacy(null, null), EMBEDDED, dataDir);
        assertThatThrownBy(() -> KeyringLoader.resolve(privacy(Map.of("k1", newKey()), null), EMBEDDED, dataDir))
                .isInstanceOf(StartupException.class).hasMessageContaining("differs");
    }
}
