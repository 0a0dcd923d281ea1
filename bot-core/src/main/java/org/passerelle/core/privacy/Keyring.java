package org.passerelle.core.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sealing keys, each under a short id, and which one seals from now on. Values sealed under
 * any key of the ring open; new values are sealed under the current key only. Rotating means
 * adding a key and making it current: what was sealed before stays readable as long as its key
 * stays in the ring (a re-seal sweep can rewrite it under the current key, after which the old
 * key may be retired). Immutable and thread-safe; the key bytes never leave it.
 *
 * <p>The pseudonym secret ({@link Pseudonymizer}) is deliberately not part of the ring: a new
 * pseudonym key would give every person a new conversation id, cutting her off from her own
 * state, bookings and handoff, so it is never rotated.
 */
public final class Keyring {

    /** Shortest key accepted, in bytes (AES-256 keys are derived from it). */
    public static final int MIN_KEY_BYTES = 32;
    /** What a key id may be: lowercase letters and digits, so that it also fits in an environment variable. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]{1,16}");

    private final Map<String, byte[]> keys;
    private final String currentId;

    /**
     * @param keys      the key bytes by id (at least {@link #MIN_KEY_BYTES} each)
     * @param currentId the id of the key that seals from now on; must be in {@code keys}
     * @throws IllegalArgumentException when the ring is empty, an id is malformed, a key is too
     *                                  short, or the current id is not in the ring; the message
     *                                  names the id, never a key
     */
    public Keyring(Map<String, byte[]> keys, String currentId) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("the keyring holds no key");
        }
        var copy = new LinkedHashMap<String, byte[]>();
        keys.forEach((id, bytes) -> {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key id '" + id + "' is not 1 to 16 lowercase letters or digits");
            }
            if (bytes == null || bytes.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("key '" + id + "' is shorter than " + MIN_KEY_BYTES + " bytes");
            }
            copy.put(id, bytes.clone());
        });
        if (currentId == null || !copy.containsKey(currentId)) {
            throw new IllegalArgumentException("the current key '" + currentId + "' is not in the keyring "
                    + copy.keySet());
        }
        this.keys = Collections.unmodifiableMap(copy);
        this.currentId = currentId;
    }

    /** A ring of one key, current. */
    public static Keyring of(String id, byte[] key) {
        return new Keyring(Map.of(id, key), id);
    }

    /** The id of the key that seals from now on. */
    public String currentId() {
        return currentId;
    }

    /** The ids of every key in the ring, in the order given. */
    public Set<String> ids() {
        return keys.keySet();
    }

    /** The same keys with another one current. */
    public Keyring withCurrent(String id) {
        return new Keyring(keys, id);
    }

    /** The key bytes of an id, copied; empty when the ring holds no such key. */
    Optional<byte[]> key(String id) {
        return Optional.ofNullable(keys.get(id)).map(byte[]::clone);
    }

    /** Never prints a key. */
    @Override
    public String toString() {
        return "Keyring[ids=" + keys.keySet() + ", current=" + currentId + "]";
    }
}
