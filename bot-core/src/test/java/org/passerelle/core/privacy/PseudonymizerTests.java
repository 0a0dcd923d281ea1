package org.passerelle.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Channel;

class PseudonymizerTests {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void givesTheSameAddressTheSamePseudonym() {
        var pseudonymizer = new Pseudonymizer(SECRET);
        assertThat(pseudonymizer.pseudonym(Channel.SMS, "+33612345678"))
                .isEqualTo(new Pseudonymizer(SECRET.clone()).pseudonym(Channel.SMS, "+33612345678"));
    }

    @Test
    void neverContainsTheAddress() {
        var pseudonym = new Pseudonymizer(SECRET).pseudonym(Channel.SMS, "+33612345678");
        assertThat(pseudonym).hasSize(26).matches("[A-Za-z0-9_-]+").doesNotContain("612345678");
    }

    @Test
    void separatesChannelsAndSecrets() {
        var pseudonymizer = new Pseudonymizer(SECRET);
        var other = "another secret, also thirty-two bytes long".getBytes(StandardCharsets.UTF_8);
        assertThat(pseudonymizer.pseudonym(Channel.SMS, "123"))
                .isNotEqualTo(pseudonymizer.pseudonym(Channel.TELEGRAM, "123"))
                .isNotEqualTo(new Pseudonymizer(other).pseudonym(Channel.SMS, "123"));
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new Pseudonymizer("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void givesTheSamePseudonymsFromManyThreadsAtOnce() throws Exception {
        var pseudonymizer = new Pseudonymizer(SECRET);
        var expected = new Pseudonymizer(SECRET.clone());
        var pool = Executors.newFixedThreadPool(8);
        try {
            var results = pool.invokeAll(IntStream.range(0, 64).<Callable<Boolean>>mapToObj(i -> () -> {
                var address = "+3361234" + String.format("%04d", i);
                return pseudonymizer.pseudonym(Channel.SMS, address).equals(expected.pseudonym(Channel.SMS, address));
            }).toList());
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }
}
