package org.passerelle.core.outbox;

import java.util.Objects;
import org.passerelle.core.privacy.AddressSealer;

/**
 * The two keys of the outbox: the address key seals where a reply goes, the texts' key
 * ({@link AddressSealer#forTexts}, the one of transcripts and nicknames) seals the whole reply,
 * its text and its options.
 *
 * @param addresses seals the addresses
 * @param texts     seals the replies
 */
public record OutboxSealers(AddressSealer addresses, AddressSealer texts) {

    /** @throws IllegalArgumentException when both seal with the same key */
    public OutboxSealers {
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(texts, "texts");
        if (opensWith(texts, addresses.seal("probe"))) {
            throw new IllegalArgumentException("the replies need the texts' key, not the address key");
        }
    }

    private static boolean opensWith(AddressSealer sealer, String sealed) {
        try {
            sealer.open(sealed);
            return true;
        } catch (IllegalArgumentException otherKey) {
            return false;
        }
    }
}
