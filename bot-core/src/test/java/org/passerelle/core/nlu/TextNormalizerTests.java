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

    @Test
    void leavesFoldedTextAsItIsAndFoldsWhatOnlyLooksFolded() {
        assertThat(TextNormalizer.normalize("je veux un avocat 2")).isEqualTo("je veux un avocat 2");
        assertThat(TextNormalizer.normalize("")).isEmpty();
        assertThat(TextNormalizer.normalize("a  b")).isEqualTo("a b");
        assertThat(TextNormalizer.normalize(" menu")).isEqualTo("menu");
        assertThat(TextNormalizer.normalize("menu ")).isEqualTo("menu");
        assertThat(TextNormalizer.normalize("a\tb")).isEqualTo("a b");
        assertThat(TextNormalizer.normalize("ok!")).isEqualTo("ok");
    }

    @Test
    void foldsEveryTextToAFormThatFoldsToItself() {
        var random = new java.util.Random(7);
        var alphabet = "abzAZ09 \t\u00e9\u00c9\u200b!?.-_:'\u0663\u4e2d\u0627\u0431";
        for (int i = 0; i < 5_000; i++) {
            var text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            var folded = TextNormalizer.normalize(text.toString());
            assertThat(TextNormalizer.normalize(folded)).as("folding %s", text).isEqualTo(folded);
        }
    }
}
