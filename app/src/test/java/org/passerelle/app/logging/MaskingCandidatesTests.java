package org.passerelle.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingCandidatesTests {

    // Digits, separators and the letters the rules look at, so that random lines come close to every rule.
    private static final String ALPHABET = "0123456789012345678901234567890123456789 .-+:()_=/abcdefBEARSICxyzZ\"";

    @Test
    void neverSkipsALineThatARuleWouldChange() {
        var random = new Random(20261128);
        int skipped = 0;
        for (int i = 0; i < 200_000; i++) {
            var line = randomLine(random, 1 + random.nextInt(70));
            if (!MaskingCandidates.mayHold(line)) {
                skipped++;
                assertThat(LogMasking.applyRules(line)).as("skipped line %s", line).isEqualTo(line);
            }
        }
        assertThat(skipped).as("the scan skips some of these lines").isGreaterThan(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call 06 12 34 56 78", "x 33 6 12 34 56 78.", "0612345678", "+33 6", "id 123456789",
            "123456789012345", "7012345678:AAF0k9vZb3xQwErTyUiOpAsDfGhJkLzXc12", "Authorization: bAsIc x",
            "9f86d081884c7d659a2feaa0c55ad015", "q2VtZQ7u1lDg0xQfJm4dT8y6V0Qn5w3r9sXc2b1a"})
    void letsThroughWhatARuleCouldMask(String line) {
        assertThat(MaskingCandidates.mayHold(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"@timestamp\":\"2026-11-28T18:46:41.395689306Z\",\"log\":{\"level\":\"INFO\",\"logger\":"
            + "\"org.passerelle.core.conversation.ConversationEngine\"},\"process\":{\"pid\":2651,\"thread\":"
            + "{\"name\":\"http-nio-8080-exec-3\"}},\"service\":{\"name\":\"passerelle\",\"version\":"
            + "\"0.1.0-SNAPSHOT\"},\"message\":\"turn conversation=Xk3_9aQ2mZr8Tq1LpV7bN0cD5e channel=SMS "
            + "message=1b4e28ba-2fa1-11d2-883f-0016785c7a11 intent=health took 12 ms\",\"ecs\":{\"version\":\"8.11\"}}",
        "2026-11-28T18:46:41.395Z  INFO 2651 --- [passerelle] [nio-8080-exec-3] o.p.c.c.ConversationEngine : turn",
        "port 8080 attempt 2 of 5 update 12345678 at 12:30:45"})
    void skipsOrdinaryLines(String line) {
        assertThat(MaskingCandidates.mayHold(line)).isFalse();
        assertThat(LogMasking.mask(line)).isSameAs(line);
    }

    private static String randomLine(Random random, int length) {
        var line = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            line.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return line.toString();
    }
}
