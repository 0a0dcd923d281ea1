package org.passerelle.app;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Privacy settings ({@code passerelle.privacy.*}).
 *
 * @param secret     the secret of the address pseudonyms, at least 32 characters; unset with the
 *                   embedded Redis, one is generated and kept in the data directory; required
 *                   with an external Redis, where every instance must share it. It is never
 *                   rotated: a new one would give every person a new conversation id. Values
 *                   sealed by earlier versions (form {@code a1:}) open with a key derived from it
 * @param retention  how long everything about a person is kept after her last message
 * @param keys       the sealing keys by id ({@code passerelle.privacy.keys.k2=<Base64 of 32 random
 *                   bytes>}, or {@code PASSERELLE_PRIVACY_KEYS_K2}); ids are 1 to 16 lowercase
 *                   letters or digits. With the embedded Redis, the keys kept in
 *                   {@code <data dir>/keys/<id>.key} are added, and a first one is generated
 *                   when there is none; required with an external Redis
 * @param currentKey the id of the key that seals from now on; may be left unset when there is
 *                   only one key. To rotate: add a key, make it current, keep the old one until
 *                   the re-seal sweep has rewritten what it sealed
 * @param resealAt   when, in Paris time, the daily re-seal sweep runs ({@link #RESEAL_AT} when
 *                   unset): it reads every key about people, best done at a quiet hour rather
 *                   than at each start
 */
@ConfigurationProperties("passerelle.privacy")
public record PrivacySettings(String secret, @DefaultValue("30d") Duration retention, Map<String, String> keys,
        String currentKey, LocalTime resealAt) {

    /** When the re-seal sweep runs unless told otherwise. */
    static final LocalTime RESEAL_AT = LocalTime.of(4, 0);

    public PrivacySettings {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        resealAt = resealAt == null ? RESEAL_AT : resealAt;
        if (retention == null || retention.isNegative() || retention.toSeconds() < 1) {
            throw new IllegalArgumentException("passerelle.privacy.retention must be at least one second");
        }
    }

    /** Never prints the secret nor a key. */
    @Override
    public String toString() {
        return "PrivacySettings[secret=" + (secret == null ? "unset" : "set") + ", retention=" + retention
                + ", keys=" + keys.keySet() + ", currentKey=" + currentKey + ", resealAt=" + resealAt + "]";
    }
}
