package org.passerelle.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
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
        var altered = altered(sealed);
        assertThatThrownBy(() -> sealer.open(altered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open("123456789")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open("a1:!!!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValueThatDidNotOpenLeavesTheThreadAbleToSealAndOpen() {
        var sealer = new AddressSealer(SECRET);
        var sealed = sealer.seal("+33612345678");
        var altered = altered(sealed);
        assertThatThrownBy(() -> sealer.open(altered)).isInstanceOf(IllegalArgumentException.class);

        assertThat(sealer.open(sealed)).isEqualTo("+33612345678");
        assertThat(sealer.open(sealer.seal("+40721234567"))).isEqualTo("+40721234567");
    }

    @Test
    void sealsAndOpensFromManyThreadsAtOnce() throws Exception {
        var sealer = new AddressSealer(SECRET);
        var texts = AddressSealer.forTexts(SECRET);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var results = pool.invokeAll(IntStream.range(0, 64).<Callable<Boolean>>mapToObj(i -> () -> {
                var value = "+3361234" + String.format("%04d", i);
                return sealer.open(sealer.seal(value)).equals(value) && texts.open(texts.seal(value)).equals(value);
            }).toList());
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    // A character well inside the ciphertext: the last one may carry only padding bits.
    private static String altered(String sealed) {
        int at = sealed.length() - 10;
        return sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
    }
}
