package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.passerelle.core.testing.RandomInputs;

/** Properties of the text handling, over random Unicode, empty and huge texts: no exception escapes. */
class TextHandlingPropertyTests {

    private final RandomInputs inputs = new RandomInputs();

    @Test
    void normalizingAnyTextNeverThrowsAndLeavesSingleInnerSpacesOnly() {
        for (var text : inputs.texts(RandomInputs.tries())) {
            var label = "seed " + inputs.seed() + ", text of " + text.length();
            assertThatCode(() -> TextNormalizer.normalize(text)).as(label).doesNotThrowAnyException();
            var folded = TextNormalizer.normalize(text);
            assertThat(folded).as(label).isNotNull().doesNotContainPattern("[ \\t\\n\\x0B\\f\\r]{2}")
                    .doesNotStartWith(" ").doesNotEndWith(" ");
        }
    }

    @Test
    void theSafetyRulesReadAnyTextWithoutThrowingAndInBoundedTime() {
        var rules = SafetyRules.shipped();
        for (var text : inputs.texts(RandomInputs.tries())) {
            var label = "seed " + inputs.seed() + ", text of " + text.length();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                assertThat(rules.scan(text)).as(label).isNotNull();
                assertThat(rules.statedAge(text)).as(label).isNotNull();
            }, label);
        }
    }

    @Test
    void aDangerWordStillCountsInsideAnyNoise() {
        var rules = SafetyRules.shipped();
        for (int i = 0; i < RandomInputs.tries(); i++) {
            // Noise of letters and spaces only, so that it cannot itself be read as a word of the phrase.
            var noise = inputs.text(inputs.nextInt(40)).replaceAll("[^\\p{IsLatin}]", " ").replaceAll("\\S+", "x");
            var text = noise + " au secours " + noise;
            assertThat(rules.scan(text)).as("seed " + inputs.seed() + ": " + text.length())
                    .contains(SafetySignal.DANGER);
        }
    }
}
