package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.passerelle.content.Language;

class LatinCuesTests {

    private static double points(String text, Language language) {
        return LatinCues.of(text)[language.ordinal()];
    }

    private static Language only(String text) {
        var points = LatinCues.of(text);
        var given = Arrays.stream(Language.values()).filter(l -> points[l.ordinal()] > 0).toList();
        assertThat(given).as(text).hasSize(1);
        return given.get(0);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "não sei | PT", "irmã | PT", "põe aqui | PT",
            "mañana | ES", "¿donde estas? | ES", "¡ayuda ya! | ES",
            "mulțumesc | RO", "şi eu | RO", "acasă | RO",
            "très | FR", "où | FR", "sûre | FR", "naïve | FR"})
    void aLetterOnlyOneLanguageUsesDecides(String text, Language language) {
        assertThat(only(text)).isEqualTo(language);
        assertThat(points(text, language)).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void aLetterSeveralLanguagesShareSplitsItsPoint() {
        assertThat(points("é", Language.FR)).isPositive().isLessThan(1);
        assertThat(points("é", Language.PT)).isPositive().isLessThan(1);
        assertThat(points("ça", Language.FR)).isEqualTo(points("ça", Language.PT));
        assertThat(points("está", Language.ES)).isEqualTo(points("está", Language.PT));
        assertThat(points("în", Language.RO)).isGreaterThan(points("în", Language.FR));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "informacion | ES", "situacao | PT", "minha filha | PT", "entao | PT",
            "copilului | RO", "vorbesc | RO", "pasaportul | RO", "c est affreux | FR", "nothing | EN", "tonight | EN",
            "me llevo | ES"})
    void endingsAndLetterPairsCountWithoutAccents(String text, Language language) {
        assertThat(only(text)).isEqualTo(language);
    }

    @Test
    void anEndingFrenchSharesWithRomanianVerbsSplitsItsPoint() {
        assertThat(points("vreau", Language.RO)).isPositive().isEqualTo(points("vreau", Language.FR));
        assertThat(points("aveau", Language.RO)).isPositive();
        assertThat(points("les bateaux", Language.RO)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nao sei", "ola como estas", "manana", "salut", "tres bien", "ok", "123 !!"})
    void aMissingAccentSaysNothing(String text) {
        assertThat(LatinCues.of(text)).containsOnly(0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"helpful", "seul", "azul", "lli 3andi", "ul"})
    void commonWordsOfOtherLanguagesEndingLikeRomanianOrStartingLikeSpanishGiveThemNothing(String text) {
        assertThat(points(text, Language.RO)).isZero();
        assertThat(points(text, Language.ES)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ni hao", "zao shang hao", "xiao jie", "dao"})
    void theShortAoOfPinyinIsNotPortuguese(String text) {
        assertThat(points(text, Language.PT)).isZero();
    }

    @Test
    void readsDecomposedAccentsLikeComposedOnes() {
        assertThat(LatinCues.of("na\u0303o")).isEqualTo(LatinCues.of("não"));
    }
}
