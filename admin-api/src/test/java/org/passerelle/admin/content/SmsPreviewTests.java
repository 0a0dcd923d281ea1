package org.passerelle.admin.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.passerelle.content.sms.SmsSegments;

class SmsPreviewTests {

    /** Text, encoding, segments and units left in the last segment. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("", "GSM-7", 1, 160),
                Arguments.of("Bonjour", "GSM-7", 1, 153),
                Arguments.of("a".repeat(160), "GSM-7", 1, 0),
                Arguments.of("a".repeat(161), "GSM-7", 2, 153 - 8),
                Arguments.of("a".repeat(306), "GSM-7", 2, 0),
                Arguments.of("a".repeat(307), "GSM-7", 3, 152),
                Arguments.of("a".repeat(158) + "€", "GSM-7", 1, 0),
                // the escape pair of € does not fit in the first segment and moves whole
                Arguments.of("a".repeat(152) + "€" + "a".repeat(10), "GSM-7", 2, 153 - 12),
                Arguments.of("Vous êtes", "UCS-2", 1, 70 - 9),
                Arguments.of("ê".repeat(70), "UCS-2", 1, 0),
                Arguments.of("ê".repeat(71), "UCS-2", 2, 67 - 4),
                Arguments.of("a".repeat(66) + "😀", "UCS-2", 1, 70 - 68),
                // the surrogate pair of the emoji is never split
                Arguments.of("a".repeat(66) + "😀" + "a".repeat(4), "UCS-2", 2, 67 - 6),
                Arguments.of("你好，我需要帮助", "UCS-2", 1, 62));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void countsAsTheCarrierDoesAndSaysWhatIsLeftInTheLastSegment(String text, String encoding, int segments,
            int left) {
        var preview = SmsPreview.of(text);
        var count = SmsSegments.count(text);
        assertThat(preview.encoding()).isEqualTo(encoding).isEqualTo(count.encoding().displayName());
        assertThat(preview.segments()).isEqualTo(segments).isEqualTo(count.segments());
        assertThat(preview.units()).isEqualTo(count.units());
        assertThat(preview.left()).isEqualTo(left);
        assertThat(preview.tooLong()).isEqualTo(segments > 2);
    }

    @Test
    void cutsTheTextIntoRunsSoThatTheCharactersForcingUcs2CanBeHighlighted() {
        var preview = SmsPreview.of("Vous êtes à l’abri 😀");
        assertThat(preview.parts()).containsExactly(
                new SmsPreview.Part("Vous ", false), new SmsPreview.Part("ê", true),
                new SmsPreview.Part("tes à l", false), new SmsPreview.Part("’", true),
                new SmsPreview.Part("abri ", false), new SmsPreview.Part("😀", true));
        assertThat(preview.nonGsm7()).containsExactly("ê", "’", "😀");
        assertThat(String.join("", preview.parts().stream().map(SmsPreview.Part::text).toList()))
                .isEqualTo(preview.text());
    }

    @Test
    void aGsmTextHasOneRunAndNothingToHighlight() {
        var preview = SmsPreview.of("Appelez le 115 {ou} le 17 €");
        assertThat(preview.parts()).containsExactly(new SmsPreview.Part("Appelez le 115 {ou} le 17 €", false));
        assertThat(preview.nonGsm7()).isEmpty();
        assertThat(SmsPreview.of("").parts()).isEmpty();
    }
}
