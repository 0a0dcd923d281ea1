package org.passerelle.core.barriers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a topic is due, once, and what of it survives a trip through her state's hash. */
class BarrierMemoryTests {

    private static final Instant READ = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void aTopicIsDueOnlyOnceTheDelayHasPassedSinceSheFirstReadIt() {
        var memory = BarrierMemory.NONE.reading(BarrierTopic.LAWYER, READ)
                .reading(BarrierTopic.LAWYER, READ.plus(Duration.ofHours(20)));

        assertThat(memory.due(READ.plus(Duration.ofHours(23)), DAY)).isEmpty();
        assertThat(memory.due(READ.plus(DAY), DAY)).contains(BarrierTopic.LAWYER);
    }

    @Test
    void aTopicAskedIsNeverDueAgainNorReadAgain() {
        var asked = BarrierMemory.NONE.reading(BarrierTopic.COMPLAINT, READ).asking(BarrierTopic.COMPLAINT,
                READ.plus(DAY));

        var later = asked.reading(BarrierTopic.COMPLAINT, READ.plus(DAY.multipliedBy(2)));

        assertThat(later.due(READ.plus(DAY.multipliedBy(10)), DAY)).isEmpty();
        assertThat(later.read()).isEmpty();
        assertThat(later.asked()).containsExactly(BarrierTopic.COMPLAINT);
    }

    @Test
    void noSecondQuestionWithinTheDelayOfTheLastOne() {
        var memory = BarrierMemory.NONE.reading(BarrierTopic.COMPLAINT, READ).reading(BarrierTopic.LAWYER, READ)
                .asking(BarrierTopic.COMPLAINT, READ.plus(DAY));

        assertThat(memory.due(READ.plus(DAY).plus(Duration.ofHours(2)), DAY)).isEmpty();
        assertThat(memory.answered(READ.plus(DAY.multipliedBy(2))).due(READ.plus(DAY.multipliedBy(2)), DAY))
                .isEmpty();
        assertThat(memory.due(READ.plus(DAY.multipliedBy(2)), DAY)).contains(BarrierTopic.LAWYER);
    }

    @Test
    void silencedMemoryForgetsEverythingAndAsksNothingEver() {
        var memory = BarrierMemory.NONE.reading(BarrierTopic.COMPLAINT, READ).silenced()
                .reading(BarrierTopic.LAWYER, READ);

        assertThat(memory.due(READ.plus(DAY.multipliedBy(30)), DAY)).isEmpty();
        assertThat(memory.read()).isEmpty();
        assertThat(BarrierMemory.decode(memory.encode())).isEqualTo(memory);
    }

    @Test
    void encodesTopicsAndSecondsOnlyAndReadsThemBack() {
        var memory = BarrierMemory.NONE.reading(BarrierTopic.RESIDENCE_PERMIT, READ)
                .reading(BarrierTopic.COMPLAINT, READ).asking(BarrierTopic.COMPLAINT, READ.plus(DAY));

        var encoded = memory.encode();

        assertThat(encoded).isEqualTo("asked:complaint read:residence_permit:" + READ.getEpochSecond() + " last:"
                + READ.plus(DAY).getEpochSecond());
        assertThat(BarrierMemory.decode(encoded)).isEqualTo(memory);
        assertThat(BarrierMemory.decode(null)).isEqualTo(BarrierMemory.NONE);
        assertThat(BarrierMemory.NONE.isEmpty()).isTrue();
    }

    @Test
    void aDamagedOrUnknownPartIsLeftOut() {
        var decoded = BarrierMemory.decode("read:complaint:soon asked:lawyer read:housing:12 last:x");

        assertThat(decoded.read()).isEmpty();
        assertThat(decoded.asked()).containsExactly(BarrierTopic.LAWYER);
        assertThat(decoded.lastAsked()).isNull();
    }
}
