package org.passerelle.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTests {

    @Test
    void findsALanguageByItsCode() {
        assertThat(Language.fromCode("fr")).contains(Language.FR);
        assertThat(Language.fromCode("zh")).contains(Language.ZH);
    }

    @Test
    void ignoresCaseAndSurroundingSpaces() {
        assertThat(Language.fromCode(" EN ")).contains(Language.EN);
        assertThat(Language.fromCode("Ro")).contains(Language.RO);
    }

    @Test
    void findsNothingForAnUnknownEmptyOrMissingCode() {
        assertThat(Language.fromCode("de")).isEmpty();
        assertThat(Language.fromCode("")).isEmpty();
        assertThat(Language.fromCode("fra")).isEmpty();
        assertThat(Language.fromCode(null)).isEmpty();
    }

    @Test
    void everyLanguageIsFoundByItsOwnCode() {
        for (var language : Language.values()) {
            assertThat(Language.fromCode(language.code())).contains(language);
        }
    }

    @Test
    void frenchIsTheSourceAndOnlyArabicIsWrittenRightToLeft() {
        assertThat(Language.SOURCE).isEqualTo(Language.FR);
        for (var language : Language.values()) {
            assertThat(language.rightToLeft()).as(language.code()).isEqualTo(language == Language.AR);
        }
    }
}
