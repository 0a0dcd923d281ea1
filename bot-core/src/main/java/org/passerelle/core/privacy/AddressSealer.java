package org.passerelle.core.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the channel address that a message must be sent to (a phone number, a chat id) with
 * AES-GCM before it is written to Redis, and opens it again in memory to send. The key is
 * derived from the server secret for this one purpose; {@link #forTexts} gives a sealer with a
 * key of its own for the texts kept about a person (transcripts, booking nicknames, the replies
 * waiting in the outbox). Thread-safe.
 */
public final class AddressSealer {

    private static final String VERSION = "a1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret the server secret (at least {@link Pseudonymizer#MIN_SECRET_BYTES} bytes)
     * @throws IllegalArgumentException when the secret is too short
     */
    public AddressSealer(byte[] secret) {
        this(secret, "passerelle address sealing");
    }

    /**
     * A sealer for the texts kept about a person (transcripts, nicknames, outbox replies), with a
     * key derived for that purpose alone, so that a sealed text never opens with the address key
     * and back.
     *
     * @throws IllegalArgumentException when the secret is too short
     */
    public static AddressSealer forTexts(byte[] secret) {
        return new AddressSealer(secret, "passerelle transcript sealing");
    }

    private AddressSealer(byte[] secret, String purpose) {
        if (secret == null || secret.length < Pseudonymizer.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the address key needs a secret of at least "
                    + Pseudonymizer.MIN_SECRET_BYTES + " bytes");
        }
        try {
            // A key of its own, so that the pseudonym key and the sealing key are never the same.
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)),
                    "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The sealed form of an address: versioned, random IV, ciphertext and tag, Base64. */
    public String seal(String address) {
        try {
            var iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            var sealed = cipher.doFinal(address.getBytes(StandardCharsets.UTF_8));
            var out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The address inside a sealed form.
     *
     * @throws IllegalArgumentException when it was not sealed with this key, or was altered
     */
    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a sealed address");
        }
        try {
            var bytes = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed address cannot be opened", e);
        }
    }
}
