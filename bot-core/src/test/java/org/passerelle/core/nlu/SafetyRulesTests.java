package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.passerelle.content.Language;

class SafetyRulesTests {

    private static final SafetyRules RULES = SafetyRules.shipped();

    /** A message and what the rules must find in it, exactly; an empty set for an ordinary message. */
    record Case(String language, int line, Set<SafetySignal> expected, String text) {

        String name() {
            var label = expected.isEmpty() ? "nothing" : expected.toString();
            return language + ":" + line + " " + label + " in «" + text + "»";
        }
    }

    @TestFactory
    Stream<DynamicContainer> findsExactlyWhatEachMessageSaysInEveryLanguage() {
        return Arrays.stream(Language.values()).map(language -> dynamicContainer(language.code(),
                cases(language).stream().map(this::scanCase)));
    }

    @TestFactory
    Stream<DynamicTest> hasEnoughCasesOfEachKindInEveryLanguage() {
        var wanted = Map.of("DANGER", 15L, "MINOR", 8L, "ERASE", 5L, "STOP", 5L, "NONE", 20L);
        return Arrays.stream(Language.values()).map(language -> dynamicTest(language.code(), () -> {
            var counts = cases(language).stream().collect(Collectors.groupingBy(
                    c -> c.expected().isEmpty() ? "NONE" : c.expected().iterator().next().name(), Collectors.counting()));
            wanted.forEach((kind, least) -> assertThat(counts.getOrDefault(kind, 0L)).as(kind).isGreaterThanOrEqualTo(least));
        }));
    }

    @Test
    void shipsAListOfEverySignalAndOfAgeWordsForEveryLanguage() {
        for (var language : Language.values()) {
            for (var signal : SafetySignal.values()) {
                var name = signal.name().toLowerCase(Locale.ROOT) + "." + language.code() + ".txt";
                assertThat(RULES.listSizes()).as(name).containsKey(name);
                assertThat(RULES.listSizes().get(name)).as(name).isPositive();
            }
            assertThat(resourceLines("/nlu/safety/age." + language.code() + ".txt")).isNotEmpty();
        }
    }

    @Test
    void writesEveryPatternWordAsTheNormalizerFoldsIt() {
        var lists = new ArrayList<String>();
        for (var language : Language.values()) {
            for (var signal : SafetySignal.values()) {
                lists.add(signal.name().toLowerCase(Locale.ROOT) + "." + language.code() + ".txt");
            }
            lists.add("age." + language.code() + ".txt");
        }
        var unfolded = new ArrayList<String>();
        for (var list : lists) {
            for (var line : resourceLines("/nlu/safety/" + list)) {
                patternWords(line).stream().filter(word -> !TextNormalizer.normalize(word).equals(word))
                        .forEach(word -> unfolded.add(list + ": " + word + " in " + line));
            }
        }
        assertThat(unfolded).isEmpty();
    }

    @Test
    void statesTheAgeUnderEighteenItFound() {
        assertThat(RULES.statedAge("j'ai 16 ans")).hasValue(16);
        assertThat(RULES.statedAge("jai dix-sept ans")).hasValue(17);
        assertThat(RULES.statedAge("i am fifteen")).hasValue(15);
        assertThat(RULES.statedAge("我今年十六岁")).hasValue(16);
        assertThat(RULES.statedAge("عمري ١٤ سنة")).hasValue(14);
        assertThat(RULES.statedAge("am saisprezece ani")).hasValue(16);
        assertThat(RULES.statedAge("je suis mineure")).isEmpty();
        assertThat(RULES.statedAge("j'ai 25 ans")).isEmpty();
        assertThat(RULES.statedAge("appeler le 17")).isEmpty();
    }

    @Test
    void tellsAStopRequestFromTheWishToStopProstitution() {
        assertThat(RULES.scan("STOP")).containsExactly(SafetySignal.STOP);
        assertThat(RULES.scan("I want to stop prostitution")).isEmpty();
        assertThat(RULES.scan("je veux arrêter")).isEmpty();
        assertThat(RULES.scan("stop he is hitting me")).containsExactly(SafetySignal.DANGER);
        assertThat(RULES.scan("he wont stop texting me, he threatens me")).containsExactly(SafetySignal.DANGER);
    }

    @Test
    void neverThrowsOnOddInput() {
        var odd = List.of("", " ", "\u0000", "\u0000\u0000help me\u0000", "😀😀😀", "🆘", "\u200F\u200E\u202E\u2066",
                "\u200B\u200C\u200D\uFEFF", "\uD800", "a\uDC00b", "\u0301\u0301", "٣٤٥٦", "ـــــ", "'''", "..",
                "1".repeat(5000), "a".repeat(100_000), "و".repeat(3000), "十".repeat(3000), "stop ".repeat(20_000),
                "🆘 ".repeat(50_000), "\u0000".repeat(100_000));
        for (var text : odd) {
            assertThatCode(() -> RULES.scan(text)).doesNotThrowAnyException();
            assertThatCode(() -> RULES.statedAge(text)).doesNotThrowAnyException();
            assertThat(RULES.scan(text)).isNotNull();
        }
        assertThat(RULES.scan(null)).isEmpty();
        assertThat(RULES.statedAge(null)).isEmpty();
    }

    @Test
    void readsInvisibleCharactersAndRightToLeftMarksAsNothing() {
        assertThat(RULES.scan("\u200Fhe\u200Blp m\u200De\u200E")).containsExactly(SafetySignal.DANGER);
        assertThat(RULES.scan("\u202Bساعدوني\u202C")).containsExactly(SafetySignal.DANGER);
        assertThat(RULES.scan("🆘 sos 🆘")).containsExactly(SafetySignal.DANGER);
    }

    @Test
    void readsOnlyTheStartOfAVeryLongMessage() {
        var filler = "bonjour ".repeat(SafetyText.MAX_CHARS);
        assertThat(RULES.scan("il me frappe " + filler)).containsExactly(SafetySignal.DANGER);
        assertThat(RULES.scan(filler + " il me frappe")).isEmpty();
    }

    private DynamicTest scanCase(Case c) {
        return dynamicTest(c.name(), () -> assertThat(RULES.scan(c.text())).as(c.name())
                .containsExactlyInAnyOrderElementsOf(c.expected()));
    }

    private static List<Case> cases(Language language) {
        var lines = resourceLines("/nlu/safety-cases/" + language.code() + ".tsv");
        var cases = new ArrayList<Case>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var columns = line.split("\t", 2);
            cases.add(new Case(language.code(), i + 1, signals(columns[0]), columns[1]));
        }
        return cases;
    }

    private static Set<SafetySignal> signals(String expected) {
        if (expected.equals("NONE")) {
            return EnumSet.noneOf(SafetySignal.class);
        }
        return Arrays.stream(expected.split("\\+")).map(SafetySignal::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SafetySignal.class)));
    }

    /** The words of a pattern line, without its syntax signs (or of an age line, without its number). */
    private static List<String> patternWords(String line) {
        var code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        return Arrays.stream(code.strip().split("\\s+"))
                .filter(part -> !part.matches("\\d+"))
                .map(part -> part.replaceAll("^[!^]+|[$?]+$", ""))
                .filter(part -> !part.isEmpty() && !part.equals("<age>") && !part.matches("\\.\\.\\d?"))
                .flatMap(part -> Arrays.stream(part.split("\\|")))
                .map(choice -> choice.endsWith("*") ? choice.substring(0, choice.length() - 1) : choice)
                .toList();
    }

    private static List<String> resourceLines(String path) {
        try (var in = SafetyRulesTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
