package org.passerelle.content.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.content.UiKeys;
import org.passerelle.content.sms.SmsSegments;

/** The barrier questions and answers: written in all eight languages, short buttons, GSM-7 in French and English. */
class BarrierStringsTests {

    private static ContentCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = ContentLoader.fromClasspath();
    }

    @Test
    void everyBarrierStringIsWrittenInEveryLanguage() {
        assertThat(catalog.languages()).hasSize(8);
        for (var language : catalog.languages()) {
            var strings = catalog.uiStrings(language);
            for (var key : UiKeys.BARRIERS) {
                assertThat(strings.get(key)).as(language.code() + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void barrierKeysArePartOfAllUiKeysOnce() {
        assertThat(UiKeys.ALL).containsAll(UiKeys.BARRIERS);
        assertThat(new HashSet<>(UiKeys.ALL)).hasSameSizeAs(UiKeys.ALL);
    }

    @Test
    void answerLabelsFitOnAButton() {
        for (var language : catalog.languages()) {
            for (var key : UiKeys.BARRIERS) {
                if (!key.endsWith(".question") && !List.of("barrier.thanks", "barrier.declined").contains(key)) {
                    assertThat(catalog.ui(language, key).length()).as(language.code() + " " + key)
                            .isLessThanOrEqualTo(30);
                }
            }
        }
    }

    @Test
    void answersInOneLanguageAreNeverTheSameWords() {
        // Her answer is also taken by its whole label: two equal labels would be ambiguous.
        for (var language : catalog.languages()) {
            var labels = UiKeys.BARRIERS.stream().map(key -> catalog.ui(language, key)).toList();
            assertThat(new HashSet<>(labels)).as(language.code()).hasSameSizeAs(labels);
        }
    }

    @Test
    void frenchAndEnglishBarrierStringsStayInGsm7() {
        for (var language : List.of(Language.FR, Language.EN)) {
            for (var key : UiKeys.BARRIERS) {
                assertThat(SmsSegments.nonGsm7Characters(catalog.ui(language, key))).as(language.code() + " " + key)
                        .isEmpty();
            }
        }
    }
}
