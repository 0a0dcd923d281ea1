package org.passerelle.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AddressSealerTests {

    private static final byte[] SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsSoThatOnlyTheSameSecretOpens() {
        var sealer = new AddressSealer(SECRET);
        var sealed = sealer.seal("+33612345678");
        assertThat(sealed).startsWith("k:s0:").doesNotContain("612345678");
        assertThat(sealer.open(sealed)).isEqualTo("+33612345678");
        assertThat(new AddressSealer(SECRET.clone()).open(sealed)).isEqualTo("+33612345678");
        var other = new AddressSealer("another secret, also thirty-two bytes long".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverSealsTheSameAddressTheSameWayTwice() {
        var sealer = new AddressSealer(SECRET);
        assertThat(sealer.seal("whatsapp:+33600000000")).isNotEqualTo(sealer.seal("whatsapp:+33600000000"));
    }

    @Test
    void refusesAnAlteredOrForeignValue() {
        var sealer = new AddressSealer(SECRET);
        var sealed = sealer.seal("123456789");
        var altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> sealer.open(altered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open("123456789")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open("a1:!!!")).isInstanceOf(IllegalArgumentException.class);
    }
}
