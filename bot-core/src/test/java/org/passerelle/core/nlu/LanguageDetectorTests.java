package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.passerelle.content.Language;
import org.passerelle.core.nlu.DetectedLanguage.Method;

class LanguageDetectorTests {

    // Messages that must be told right.
    private static final String SAMPLES = "nlu/language-samples.tsv";
    // Messages that several languages could have written, or whose words no list holds: right or nothing.
    private static final String HARD = "nlu/language-hard.tsv";

    private final LanguageDetector detector = LanguageDetector.shipped();

    record Sample(Language language, String text) {

        @Override
        public String toString() {
            return language.code() + ": " + text;
        }
    }

    static List<Sample> samples() {
        return read(SAMPLES);
    }

    static List<Sample> hardSamples() {
        return read(HARD);
    }

    private static List<Sample> read(String resource) {
        var stream = Objects.requireNonNull(
                LanguageDetectorTests.class.getClassLoader().getResourceAsStream(resource), resource);
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split("\t", 2))
                    .map(cells -> new Sample(Language.fromCode(cells[0]).orElseThrow(), cells[1]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void detectsTheLanguageOfShortEverydayMessages(Sample sample) {
        assertThat(detector.detect(sample.text()))
                .map(DetectedLanguage::language)
                .contains(sample.language());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardSamples")
    void answersRightOrNothingForHardMessages(Sample sample) {
        assertThat(detector.detect(sample.text()).map(DetectedLanguage::language))
                .isIn(Optional.empty(), Optional.of(sample.language()));
    }

    @Test
    void hasAtLeastTwentySampleMessagesInEveryLanguage() {
        var perLanguage = samples().stream()
                .collect(Collectors.groupingBy(Sample::language, Collectors.counting()));
        assertThat(Language.values()).allSatisfy(language ->
                assertThat(perLanguage.getOrDefault(language, 0L)).as(language.code()).isGreaterThanOrEqualTo(20));
    }

    @Test
    void givesConfidencesBetweenZeroAndOne() {
        assertThat(samples()).allSatisfy(sample -> assertThat(detector.detect(sample.text()))
                .hasValueSatisfying(found -> assertThat(found.confidence()).isBetween(0.0, 1.0)));
    }

    @Test
    void readsChineseArabicAndBulgarianFromTheirScript() {
        assertThat(detector.detect("我需要律师")).hasValueSatisfying(found -> {
            assertThat(found.language()).isEqualTo(Language.ZH);
            assertThat(found.method()).isEqualTo(Method.SCRIPT);
        });
        assertThat(detector.detect("أحتاج إلى محامي")).hasValueSatisfying(found -> {
            assertThat(found.language()).isEqualTo(Language.AR);
            assertThat(found.method()).isEqualTo(Method.SCRIPT);
        });
        assertThat(detector.detect("Имам нужда от адвокат")).hasValueSatisfying(found -> {
            assertThat(found.language()).isEqualTo(Language.BG);
            assertThat(found.method()).isEqualTo(Method.SCRIPT);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"rdv 明天 ok?", "avocat 免费吗", "ok merci شكرا بزاف", "rdv утре, моля"})
    void prefersTheNonLatinScriptOfAMixedMessage(String text) {
        assertThat(detector.detect(text)).hasValueSatisfying(found -> {
            assertThat(found.language()).isIn(Language.ZH, Language.AR, Language.BG);
            assertThat(found.method()).isEqualTo(Method.SCRIPT);
        });
    }

    @Test
    void isLessSureOfBulgarianWhenTheCyrillicIsRussian() {
        assertThat(detector.detect("Мы не знаем, где вы"))
                .hasValueSatisfying(found -> assertThat(found.confidence()).isLessThan(0.7));
    }

    @Test
    void doesNotTakeJapaneseForChinese() {
        assertThat(detector.detect("助けてください")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t", "😀", "🙏🙏🙏", "👍🏽 ❤️", "17", "112", "06 12 34 56 78", "???", "..."})
    void findsNoLanguageWithoutLetters(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }

    @Test
    void findsNoLanguageInNull() {
        assertThat(detector.detect(null)).isEmpty();
        assertThat(detector.opennlpAlone(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "no", "si", "ok", "salut", "police", "taxi", "mama", "tu"})
    void answersNothingOrUnsureForAWordSeveralLanguagesShare(String word) {
        assertThat(detector.detect(word).map(DetectedLanguage::confidence).orElse(0.0)).isLessThan(0.5);
    }

    @Test
    void tellsShortMessagesByTheirWords() {
        assertThat(detector.detect("merci")).hasValueSatisfying(found -> {
            assertThat(found.language()).isEqualTo(Language.FR);
            assertThat(found.method()).isEqualTo(Method.LEXICON);
        });
        assertThat(detector.detect("obrigada")).map(DetectedLanguage::language).contains(Language.PT);
    }

    @Test
    void trustsStatisticsOnLongerMessages() {
        assertThat(detector.detect("Je voudrais prendre rendez-vous avec une avocate pour mon titre de séjour"))
                .hasValueSatisfying(found -> {
                    assertThat(found.language()).isEqualTo(Language.FR);
                    assertThat(found.method()).isEqualTo(Method.STATISTICAL);
                    assertThat(found.confidence()).isGreaterThanOrEqualTo(0.5);
                });
    }

    @Test
    void readsStretchedWords() {
        assertThat(detector.detect("merciiiii")).map(DetectedLanguage::language).contains(Language.FR);
        assertThat(detector.detect("plsssss")).map(DetectedLanguage::language).contains(Language.EN);
    }

    @Test
    void readsArabiziByItsDigitsButNotTimesOrOrdinals() {
        assertThat(detector.detect("s7abi")).map(DetectedLanguage::language).contains(Language.AR);
        assertThat(detector.detect("rdv a 9h").map(DetectedLanguage::language)).isNotEqualTo(Optional.of(Language.AR));
        assertThat(detector.detect("au 3eme").map(DetectedLanguage::language)).isNotEqualTo(Optional.of(Language.AR));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "não | PT", "irmã | PT", "mañana | ES", "¿y ahora? | ES", "mulțumesc | RO", "până când | RO",
            "très bien | FR", "où ça | FR"})
    void aLetterOnlyOneLanguageUsesDecidesAShortMessage(String text, Language language) {
        assertThat(detector.detect(text)).map(DetectedLanguage::language).contains(language);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "quero saber do meu récépissé da préfecture | PT",
            "am nevoie de un rdv la prefecture maine | RO",
            "necesito el recepisse para mañana | ES",
            "i lost my titre de sejour what do i do | EN",
            "bghit rendez vous f la prefecture | AR"})
    void readsTheLanguageAroundFrenchPaperworkWords(String text, Language language) {
        assertThat(detector.detect(text)).map(DetectedLanguage::language).contains(language);
    }

    @Test
    void aMessageOfFrenchPaperworkWordsAloneIsFrenchButNeverStrong() {
        assertThat(detector.detect("titre de séjour ?")).hasValueSatisfying(found -> {
            assertThat(found.language()).isEqualTo(Language.FR);
            assertThat(found.strong()).isFalse();
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "se eu for na policia | PT", "ele disse que vai me matar | PT", "dice que me va a pegar | ES",
            "no se que hacer | ES", "nu stiu ce sa fac | RO", "mersi pa | RO", "vreau un avocat | RO",
            "le bus passe jamais | FR",
            "she no dey gree me go | EN", "ne znam kakvo da pravya | BG", "wach kayn chi 7al | AR"})
    void smallWordsOfOneLanguageOutweighTheSharedOnes(String text, Language language) {
        assertThat(detector.detect(text)).map(DetectedLanguage::language).contains(language);
    }

    @Test
    void aTieGoesToThePriorLanguageWhenItIsOneOfTheTied() {
        // "salut" is French and Romanian alike.
        assertThat(detector.detect("salut")).isEmpty();
        assertThat(detector.detect("salut", Language.RO)).map(DetectedLanguage::language).contains(Language.RO);
        assertThat(detector.detect("salut", Language.FR)).hasValueSatisfying(found -> {
            assertThat(found.language()).isEqualTo(Language.FR);
            assertThat(found.strong()).isFalse();
            assertThat(found.confidence()).isLessThan(0.5);
        });
        assertThat(detector.detect("salut", Language.ES)).isEmpty();
    }

    @Test
    void aPriorDoesNotOverruleAMessageThatSaysItsLanguage() {
        assertThat(detector.detect("necesito un abogado gratis por favor", Language.FR))
                .map(DetectedLanguage::language).contains(Language.ES);
        assertThat(detector.detect("obrigada", Language.RO)).map(DetectedLanguage::language).contains(Language.PT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"azerty", "hahaha", "asdfgh"})
    void aPriorGivesNoLanguageToAMessageWithoutKnownWords(String text) {
        assertThat(detector.detect(text, Language.FR)).isEmpty();
    }

    @Test
    void opennlpAloneNamesEnglishInALongEnglishSentence() {
        assertThat(detector.opennlpAlone("My boss took my passport and I am afraid to go to the police station alone"))
                .contains(Language.EN);
    }

    @Test
    void opennlpAloneSaysNothingWhenItsFirstLanguageIsNotOurs() {
        assertThat(detector.opennlpAlone("Mein Chef hat meinen Pass genommen und ich habe große Angst vor ihm"))
                .isEmpty();
    }

    @Test
    void neverThrowsOnOddText() {
        var odd = List.of("a\uD800b", "\uDC00", "\u200B\u200F\u202E", "\u0000\u0007", "x".repeat(100_000),
                "ا".repeat(5_000) + "😀".repeat(5_000), "\uD83D".repeat(301));
        assertThat(odd).allSatisfy(text -> {
            assertThatCode(() -> detector.detect(text)).doesNotThrowAnyException();
            assertThatCode(() -> detector.opennlpAlone(text)).doesNotThrowAnyException();
        });
    }

    @Test
    void givesTheSameAnswersFromManyThreadsAtOnce() {
        var texts = samples().stream().map(Sample::text).distinct().toList();
        Map<String, Optional<DetectedLanguage>> oneByOne = texts.stream()
                .collect(Collectors.toMap(Function.identity(), detector::detect));
        var differing = IntStream.range(0, 16).parallel().boxed()
                .flatMap(round -> texts.stream().filter(text -> !detector.detect(text).equals(oneByOne.get(text))))
                .toList();
        assertThat(differing).isEmpty();
    }
}
