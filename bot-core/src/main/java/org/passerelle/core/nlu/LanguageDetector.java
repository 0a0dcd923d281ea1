package org.passerelle.core.nlu;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.passerelle.content.Language;
import org.passerelle.core.nlu.DetectedLanguage.Method;

/**
 * Tells which of Passerelle's languages a message is written in, tuned for short, misspelt,
 * mixed messages. In order: the writing system (Han, Arabic, Cyrillic); then Apache OpenNLP's
 * detector restricted to the Latin-script languages, trusted only above a length floor and a
 * confidence floor; then lists of short words (greetings, thanks, yes/no, small words, also
 * Bulgarian in Latin letters, Arabizi and pinyin); else nothing, and the caller falls back to
 * the session's language.
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
    private final Floors floors;

    LanguageDetector(ShortWordLexicon lexicon, Floors floors) {
        this.lexicon = lexicon;
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
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var sample = clip(text);
        var scripts = ScriptCounts.of(sample);
        var byScript = scripts.language();
        if (byScript.isPresent() || !scripts.mostlyLatin()) {
            return byScript;
        }
        var tally = lexicon.tally(TextNormalizer.normalize(sample));
        var byWords = tally.winner();
        // In Latin letters OpenNLP cannot see Bulgarian, Arabizi or pinyin: their words win.
        if (byWords.isPresent() && !LATIN_LANGUAGES.contains(byWords.get().language())) {
            return byWords;
        }
        return statistical(sample, scripts.latin(), tally).or(() -> byWords);
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

    private Optional<DetectedLanguage> statistical(String text, int latinLetters, ShortWordLexicon.Tally tally) {
        if (latinLetters < floors.minLetters() && tally.words() < floors.minWords()) {
            return Optional.empty();
        }
        return OpenNlpLanguages.best(text, LATIN_LANGUAGES)
                .map(guess -> new DetectedLanguage(guess.language(), statisticalConfidence(guess.ratio()),
                        Method.STATISTICAL))
                .filter(detected -> detected.confidence() >= floors.minConfidence()
                        || detected.confidence() >= floors.minConfidenceBackedByWords()
                                && tally.backs(detected.language()));
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
        static final LanguageDetector INSTANCE = new LanguageDetector(ShortWordLexicon.shipped(), SHIPPED_FLOORS);
    }
}
