package org.passerelle.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.passerelle.core.channel.Channel;

/**
 * Turns a channel address (phone number, chat id) into a stable pseudonym: HMAC-SHA-256 with a
 * server secret, so that the same person always maps to the same conversation while the
 * address cannot be read back nor guessed without the secret. Thread-safe.
 */
public final class Pseudonymizer {

    /** Shortest secret accepted, in bytes. */
    public static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec key;
    // Looking up and keying a Mac costs more than the digest of an address: one per thread, reused.
    private final ThreadLocal<Mac> macs;

    /**
     * @param secret at least {@link #MIN_SECRET_BYTES} random bytes
     * @throws IllegalArgumentException when the secret is too short
     */
    public Pseudonymizer(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the pseudonym secret needs at least "
                    + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The pseudonym of an address on a channel: 26 URL-safe characters (156 bits). */
    public String pseudonym(Channel channel, String address) {
        // doFinal leaves the thread's Mac reset, keyed, ready for the next address.
        var mac = macs.get();
        mac.update(channel.id().getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        var digest = mac.doFinal(address.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 26);
    }

    private Mac newMac() {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
