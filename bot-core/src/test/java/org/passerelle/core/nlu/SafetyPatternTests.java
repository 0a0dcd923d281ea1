package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyPatternTests {

    private static final AgeReader AGES = new AgeReader();

    static {
        AGES.addNumbers(List.of("16 seize", "17 dix sept", "18 dix huit", "16 十六"), "test");
        AGES.addUnits(List.of("h euros 点"));
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(matches("viol", "il y a eu un viol")).isTrue();
        assertThat(matches("viol", "un violon")).isFalse();
    }

    @Test
    void matchesAnyEndingAfterAStar() {
        assertThat(matches("frapp*", "il m'a frappée")).isTrue();
        assertThat(matches("frapp*", "il me frappe")).isTrue();
        assertThat(matches("frapp*", "la frape")).isFalse();
    }

    @Test
    void matchesOneOfSeveralChoicesIncludingChoicesOfSeveralWords() {
        assertThat(matches("cant|can-not leave", "i can not leave")).isTrue();
        assertThat(matches("cant|can-not leave", "i can't leave")).isTrue();
        assertThat(matches("cant|can-not leave", "i can leave")).isFalse();
    }

    @Test
    void letsAnOptionalWordBeMissing() {
        assertThat(matches("help me please?", "help me")).isTrue();
        assertThat(matches("chama a? policia", "chama policia")).isTrue();
        assertThat(matches("chama a? policia", "chama a policia")).isTrue();
    }

    @Test
    void skipsUpToThreeWordsOrTheNumberGiven() {
        assertThat(matches("pris .. passeport", "ils ont pris mon vieux passeport")).isTrue();
        assertThat(matches("pris .. passeport", "pris un rendez vous pour mon passeport")).isFalse();
        assertThat(matches("欠 ..5 钱", "我欠他们很多钱")).isTrue();
    }

    @Test
    void anchorsToTheStartAndTheEndOfTheMessage() {
        assertThat(matches("^stop $", "STOP!")).isTrue();
        assertThat(matches("^stop $", "i want to stop prostitution")).isFalse();
        assertThat(matches("^stop $", "stop it")).isFalse();
    }

    @Test
    void readsAnAgeInDigitsOrWordsButNotATimeOrAPrice() {
        assertThat(matches("jai <age> ans", "j'ai 16 ans")).isTrue();
        assertThat(matches("jai <age> ans", "jai 16ans")).isTrue();
        assertThat(matches("jai <age> ans", "j'ai dix-sept ans")).isTrue();
        assertThat(matches("jai <age> ans", "j'ai dix-huit ans")).isFalse();
        assertThat(matches("jai <age> ans", "j'ai 19 ans")).isFalse();
        assertThat(matches("jai <age>", "j'ai 16h de libre")).isFalse();
        assertThat(matches("jai <age>", "j'ai 15 euros")).isFalse();
        assertThat(matches("jai <age>", "j'ai 13 000 euros de dette")).isFalse();
        assertThat(matches("<age> 岁", "我十六岁")).isTrue();
        assertThat(matches("<age>", "16点")).isFalse();
    }

    @Test
    void findsChineseWordsInsideTextWithoutSpaces() {
        assertThat(matches("打我", "他昨天打我了")).isTrue();
        assertThat(matches("打我", "打电话给我")).isFalse();
    }

    @Test
    void findsArabicWordsBehindAttachedPrefixes() {
        assertThat(matches("سكين", "هددني بالسكين")).isTrue();
        assertThat(matches("ضرب*", "وضربني")).isTrue();
        assertThat(matches("شرطة", "اتصلت للشرطة")).isTrue();
    }

    @Test
    void refusesALineItCannotRead() {
        assertThatThrownBy(() -> parse(".. frappe")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x:1");
        assertThatThrownBy(() -> parse("frappe ..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("peut? sortir")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("stop ^ now")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("!")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<SafetyPattern> parse(String line) {
        return SafetyPattern.parse(line, SafetySignal.DANGER, "x:1");
    }

    private static boolean matches(String line, String message) {
        var patterns = parse(line);
        var index = new SafetyIndex(patterns, AGES);
        var text = SafetyText.of(message);
        var candidates = new ArrayList<SafetyPattern>();
        for (int i = 0; i < text.size(); i++) {
            index.collectCandidates(text, i, candidates);
            for (var pattern : candidates) {
                if (index.matchAt(pattern, text, i) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
