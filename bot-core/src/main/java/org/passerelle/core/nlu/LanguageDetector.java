package org.passerelle.core.nlu;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.passerelle.content.Language;
import org.passerelle.core.nlu.DetectedLanguage.Method;

/**
 * Tells which of Passerelle's languages a message is written in, tuned for short, misspelt,
 * mixed messages. In order: the writing system (Han, Arabic, Cyrillic); then, in Latin letters,
 * the words of Bulgarian, Arabizi or pinyin when they win; then Apache OpenNLP's detector
 * restricted to the Latin-script languages, its scores combined with what the spelling and the
 * known small words say, trusted only above a length floor and a confidence floor; then the
 * known small words and the spelling alone (greetings, thanks, yes/no, function words, SMS
 * spellings, decisive letters such as ã, ñ, ș, è); a tie there goes to the given prior
 * language (her session's, or French) when it is one of the tied; else nothing, and the caller
 * falls back to the session's language. French words of life in France ("titre de séjour",
 * "rdv") are set aside first: they say nothing of the language of the rest; a message made of
 * them alone is French, but never strongly enough to offer her a switch.
 *
 * <p>Thread-safe. The statistical model is read once, on first use or on {@link #preload()}.
 * Never throws: a text it cannot place gives an empty answer.
 */
public final class LanguageDetector {

    // OpenNLP's model was trained on native scripts: for Latin letters only these can be meant.
    private static final Set<Language> LATIN_LANGUAGES =
            EnumSet.of(Language.FR, Language.EN, Language.ES, Language.PT, Language.RO);
    // The start of a long message says its language as well as the whole, in a bounded time.
    private static final int MAX_CHARS = 300;
    // One point of the word lists or the spelling (one known word) weighs a likelihood ratio of 3.
    private static final double LOG_ODDS_PER_POINT = Math.log(3);
    private static final double LOANWORDS_ONLY = 0.5;
    // A language OpenNLP gives no probability at all is very unlikely, not impossible.
    private static final double PROBABILITY_FLOOR = 1e-9;

    /**
     * When OpenNLP's answer is trusted.
     *
     * @param minLetters    Latin letters the text needs, unless it has {@code minWords} words
     * @param minWords      words the text needs, unless it has {@code minLetters} letters
     * @param minConfidence lowest confidence, see {@link #statisticalConfidence(double)}
     * @param minConfidenceBackedByWords lowest confidence when the word lists agree
     */
    record Floors(int minLetters, int minWords, double minConfidence, double minConfidenceBackedByWords) {
    }

    static final Floors SHIPPED_FLOORS = new Floors(12, 3, 0.5, 0.25);

    private final ShortWordLexicon lexicon;
    private final Loanwords loanwords;
    private final Floors floors;

    LanguageDetector(ShortWordLexicon lexicon, Loanwords loanwords, Floors floors) {
        this.lexicon = lexicon;
        this.loanwords = loanwords;
        this.floors = floors;
    }

    /**
     * The detector with the shipped word lists and OpenNLP model, built once.
     *
     * @throws ExceptionInInitializerError when a shipped word list cannot be read, which only
     *                                     a broken build causes
     */
    public static LanguageDetector shipped() {
        return Shipped.INSTANCE;
    }

    /**
     * Reads the statistical model now, so that no message waits for it; call it off the
     * request path at start-up. Returns false when the model cannot be read, in which case
     * detection goes on with scripts and word lists only.
     */
    public boolean preload() {
        return OpenNlpLanguages.load();
    }

    /** The language of a message, or empty when it cannot be told (empty, emoji, digits, too ambiguous). */
    public Optional<DetectedLanguage> detect(String text) {
        return detect(text, null);
    }

    /**
     * The language of a message; when its words and spelling point to several languages
     * equally, the prior if it is one of them (with a low confidence, never strong).
     *
     * @param text  what she wrote
     * @param prior her session's language, or French when she has none; null for no tie-break
     * @return empty when it cannot be told (empty, emoji, digits, too ambiguous)
     */
    public Optional<DetectedLanguage> detect(String text, Language prior) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var sample = clip(text);
        var scripts = ScriptCounts.of(sample);
        var byScript = scripts.language();
        if (byScript.isPresent() || !scripts.mostlyLatin()) {
            return byScript;
        }
        var scan = loanwords.scan(sample);
        if (scan.onlyLoanwords()) {
            // French words alone are French, but say nothing of her own language: never strong.
            return Optional.of(new DetectedLanguage(Language.FR, LOANWORDS_ONLY, Method.LEXICON));
        }
        var own = scan.rest();
        var evidence = lexicon.tally(TextNormalizer.normalize(own)).plus(LatinCues.of(own));
        var byWords = evidence.winner();
        // In Latin letters OpenNLP cannot see Bulgarian, Arabizi or pinyin: their words win.
        if (byWords.isPresent() && !LATIN_LANGUAGES.contains(byWords.get().language())) {
            return byWords;
        }
        return statistical(own, ScriptCounts.of(own).latin(), evidence)
                .or(() -> byWords)
                .or(() -> evidence.winner(prior));
    }

    /**
     * OpenNLP's first language alone, with no restriction and no floor, when it is one of
     * ours: the baseline that the detector is measured against.
     */
    public Optional<Language> opennlpAlone(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return OpenNlpLanguages.top(clip(text));
    }

    // OpenNLP's log-probabilities plus the log-odds of the words and spelling, over the Latin languages.
    private Optional<DetectedLanguage> statistical(String text, int latinLetters, ShortWordLexicon.Tally evidence) {
        if (latinLetters < floors.minLetters() && evidence.words() < floors.minWords()) {
            return Optional.empty();
        }
        return OpenNlpLanguages.probabilities(text, LATIN_LANGUAGES).flatMap(probabilities -> {
            Language best = null;
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (var language : LATIN_LANGUAGES) {
                double score = Math.log(Math.max(probabilities[language.ordinal()], PROBABILITY_FLOOR))
                        + LOG_ODDS_PER_POINT * evidence.of(language);
                if (score > first) {
                    second = first;
                    first = score;
                    best = language;
                } else if (score > second) {
                    second = score;
                }
            }
            var detected = new DetectedLanguage(best, statisticalConfidence(Math.exp(first - second)),
                    Method.STATISTICAL);
            return detected.confidence() >= floors.minConfidence()
                    || detected.confidence() >= floors.minConfidenceBackedByWords() && evidence.backs(best)
                    ? Optional.of(detected)
                    : Optional.empty();
        });
    }

    /**
     * OpenNLP spreads probability over 103 languages, so on short texts even its best answer
     * stays near 1%; what tells is the lead of the best supported language over the next one.
     * A lead of 1.19 gives 0.5, 1.5 gives 0.8, 2 gives 0.94.
     */
    static double statisticalConfidence(double ratio) {
        return 1 - Math.pow(1 / ratio, 4);
    }

    private static String clip(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end);
    }

    private static final class Shipped {
        static final LanguageDetector INSTANCE =
                new LanguageDetector(ShortWordLexicon.shipped(), Loanwords.shipped(), SHIPPED_FLOORS);
    }
}
