package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

    @Test
    void foldsCaseAccentsAndSpaces() {
        assertThat(TextNormalizer.normalize("  Français  ")).isEqualTo("francais");
        assertThat(TextNormalizer.normalize("Mes   DROITS")).isEqualTo("mes droits");
    }

    @Test
    void dropsInvisibleCharactersAndEdgePunctuation() {
        assertThat(TextNormalizer.normalize("\u200Bmenu\u200D !!")).isEqualTo("menu");
        assertThat(TextNormalizer.normalize("\u200F2\u200E")).isEqualTo("2");
        assertThat(TextNormalizer.normalize("/start")).isEqualTo("start");
    }

    @Test
    void readsDigitsOfOtherScriptsAsAsciiDigits() {
        assertThat(TextNormalizer.normalize("٢")).isEqualTo("2");
        assertThat(TextNormalizer.normalize("３")).isEqualTo("3");
    }

    @Test
    void keepsOptionKeysIntact() {
        assertThat(TextNormalizer.normalize("topic:residence_permit")).isEqualTo("topic:residence_permit");
        assertThat(TextNormalizer.normalize("lang:EN")).isEqualTo("lang:en");
    }

    @Test
    void leavesChineseAndArabicWordsReadable() {
        assertThat(TextNormalizer.normalize("中文")).isEqualTo("中文");
        assertThat(TextNormalizer.normalize("العربية")).isEqualTo("العربية");
    }
}
