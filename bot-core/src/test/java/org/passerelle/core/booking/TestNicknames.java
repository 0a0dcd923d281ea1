package org.passerelle.core.booking;

import java.nio.charset.StandardCharsets;
import org.passerelle.core.privacy.AddressSealer;

/** The nickname sealing of tests. */
public final class TestNicknames {

    /** Nicknames sealed with the test secret's key for texts. */
    public static final Nicknames NICKNAMES = new Nicknames(AddressSealer.forTexts(
            "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8)));

    private TestNicknames() {
    }
}
