package org.passerelle.core.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what is kept about a person in Redis with AES-GCM, and opens it again in memory. There
 * are two purposes, each with keys of its own so that a value sealed for one never opens for the
 * other: the channel address a reply goes to (a phone number, a chat id), and the texts about a
 * person ({@link #forTexts}: transcripts, nicknames, the replies waiting in the outbox, her
 * conversation state).
 *
 * <p>The keys come from a {@link Keyring}: a value is sealed under the ring's current key and
 * carries that key's id, {@code k:{id}:} then Base64 of the IV, ciphertext and tag (the id is
 * also bound to the ciphertext, so that it cannot be swapped); it opens under the key its id
 * names. Values of the earlier form, {@code a1:}, were sealed under a key derived from the
 * server secret and keep opening when the sealer is given that secret. Thread-safe.
 */
public final class AddressSealer {

    private static final String KEYED = "k:";
    private static final String LEGACY = "a1:";
    private static final String ADDRESSES = "passerelle address sealing";
    private static final String TEXTS = "passerelle transcript sealing";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    // Looking a cipher up costs more than sealing a short text: one per thread, initialised anew for each value.
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AddressSealer::newCipher);

    private final Map<String, SecretKeySpec> keys;
    private final String currentId;
    private final SecretKeySpec legacy;
    private final SecureRandom random = new SecureRandom();

    /**
     * A sealer of addresses whose one key, {@code s0}, is the secret itself; also opens the
     * values sealed with this secret in the earlier form. For tools and tests; the application
     * seals under a configured {@link Keyring}.
     *
     * @param secret at least {@link Keyring#MIN_KEY_BYTES} bytes
     * @throws IllegalArgumentException when the secret is too short
     */
    public AddressSealer(byte[] secret) {
        this(Keyring.of("s0", checked(secret)), secret, ADDRESSES);
    }

    /** A sealer of texts whose one key, {@code s0}, is the secret itself; see {@link #AddressSealer(byte[])}. */
    public static AddressSealer forTexts(byte[] secret) {
        return new AddressSealer(Keyring.of("s0", checked(secret)), secret, TEXTS);
    }

    /**
     * A sealer of addresses under a keyring.
     *
     * @param legacySecret the server secret that sealed the values of the earlier form
     *                     ({@code a1:}), so that they still open; null when there are none
     */
    public static AddressSealer forAddresses(Keyring keyring, byte[] legacySecret) {
        return new AddressSealer(keyring, legacySecret, ADDRESSES);
    }

    /** A sealer of the texts about a person under a keyring; see {@link #forAddresses}. */
    public static AddressSealer forTexts(Keyring keyring, byte[] legacySecret) {
        return new AddressSealer(keyring, legacySecret, TEXTS);
    }

    private AddressSealer(Keyring keyring, byte[] legacySecret, String purpose) {
        var derived = new HashMap<String, SecretKeySpec>();
        for (var id : keyring.ids()) {
            derived.put(id, derive(keyring.key(id).orElseThrow(), purpose));
        }
        this.keys = Map.copyOf(derived);
        this.currentId = keyring.currentId();
        this.legacy = legacySecret == null ? null : derive(checked(legacySecret), purpose);
    }

    private static byte[] checked(byte[] secret) {
        if (secret == null || secret.length < Keyring.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the sealing key needs at least " + Keyring.MIN_KEY_BYTES + " bytes");
        }
        return secret;
    }

    // One key per purpose and key id: the pseudonym key, the address key and the texts' key never coincide.
    private static SecretKeySpec derive(byte[] key, String purpose) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The id of the key that seals from now on. */
    public String currentKeyId() {
        return currentId;
    }

    /** The sealed form of a value, under the current key: its id, a random IV, ciphertext and tag. */
    public String seal(String value) {
        var prefix = KEYED + currentId + ":";
        try {
            var iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            var cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(prefix.getBytes(StandardCharsets.US_ASCII));
            var sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            var out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The value inside a sealed form.
     *
     * @throws UnknownKeyException      when it names a key id that is not in the ring
     * @throws IllegalArgumentException when it is not a sealed form, was sealed for the other
     *                                  purpose or another ring, or was altered; the message
     *                                  never quotes the value
     */
    public String open(String sealed) {
        if (sealed != null && sealed.startsWith(LEGACY)) {
            if (legacy == null) {
                throw new IllegalArgumentException("sealed in the earlier form, and the secret that opens it is not given");
            }
            return decrypt(legacy, null, sealed.substring(LEGACY.length()));
        }
        var id = keyId(sealed).orElseThrow(() -> new IllegalArgumentException("not a sealed value"));
        var key = keys.get(id);
        if (key == null) {
            throw new UnknownKeyException(id);
        }
        var prefix = KEYED + id + ":";
        return decrypt(key, prefix, sealed.substring(prefix.length()));
    }

    /** The key id a sealed value names; empty for the earlier form and for what is not sealed. */
    public static Optional<String> keyId(String sealed) {
        if (sealed == null || !sealed.startsWith(KEYED)) {
            return Optional.empty();
        }
        int colon = sealed.indexOf(':', KEYED.length());
        if (colon < 0) {
            return Optional.empty();
        }
        var id = sealed.substring(KEYED.length(), colon);
        return Keyring.ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /** Whether a value looks sealed (under a key id, or in the earlier form), opening it or not. */
    public static boolean isSealed(String value) {
        return value != null && (value.startsWith(LEGACY) || keyId(value).isPresent());
    }

    /** Whether a sealed value is under the current key already, so that a re-seal can leave it. */
    public boolean isCurrent(String sealed) {
        return keyId(sealed).filter(currentId::equals).isPresent();
    }

    /**
     * The value sealed again under the current key; the same string when it already is.
     *
     * @throws IllegalArgumentException when it does not open (see {@link #open})
     */
    public String reseal(String sealed) {
        return isCurrent(sealed) ? sealed : seal(open(sealed));
    }

    private static String decrypt(SecretKeySpec key, String prefix, String encoded) {
        try {
            var bytes = Base64.getUrlDecoder().decode(encoded);
            if (bytes.length < IV_BYTES) {
                throw new IllegalArgumentException("too short");
            }
            var cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            if (prefix != null) {
                cipher.updateAAD(prefix.getBytes(StandardCharsets.US_ASCII));
            }
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed value cannot be opened", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
