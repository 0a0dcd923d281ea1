package org.passerelle.core.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.passerelle.content.Language;
import org.passerelle.core.nlu.DetectedLanguage.Method;

/**
 * Short, frequent words of each language (greetings, thanks, yes/no, small words, the words of
 * the questions people ask), read from {@code nlu/lexicon/<code>.txt}. Tells the language of
 * a message too short for statistics when its known words point to one language only.
 */
final class ShortWordLexicon {

    private static final String RESOURCE = "nlu/lexicon/%s.txt";
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    // 3, 7 and 9 stand for Arabic letters in Arabizi ("3afak", "m7ami", "lwra9"); 2 and 5 may join them.
    private static final Pattern ARABIZI_DIGIT = Pattern.compile("[a-z2-9]*[379][a-z2-9]*");
    // A number with a unit or an ordinal ("3eme", "9h", "17ans") is not Arabizi.
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile(
            "\\d+(e|er|eme|em|ere|th|st|nd|rd|h|hr|min|ans?|am|pm|k|x|eur|euros?)");
    private static final double BASE = 0.35;
    private static final double PER_WORD_OF_MARGIN = 0.15;
    private static final double FOR_FULL_COVERAGE = 0.25;
    private static final double HIGHEST = 0.9;
    private static final double TIE = 1e-6;
    // A tie broken by her session's language (or French) is a default, not a finding.
    private static final double TIE_BROKEN = 0.3;

    private final Map<String, Set<Language>> words;
    private final Map<String, Set<Language>> squeezedWords;

    private ShortWordLexicon(Map<String, Set<Language>> words) {
        this.words = words;
        this.squeezedWords = new HashMap<>();
        words.forEach((word, languages) -> squeezedWords
                .computeIfAbsent(squeeze(word), key -> EnumSet.noneOf(Language.class))
                .addAll(languages));
    }

    /**
     * The lists shipped in the class path.
     *
     * @throws UncheckedIOException when a list is missing or unreadable
     */
    static ShortWordLexicon shipped() {
        var words = new HashMap<String, Set<Language>>();
        for (var language : Language.values()) {
            for (var entry : read(String.format(RESOURCE, language.code()))) {
                words.computeIfAbsent(entry, key -> EnumSet.noneOf(Language.class)).add(language);
            }
        }
        return new ShortWordLexicon(words);
    }

    /**
     * The known words of each language in a folded text.
     *
     * @param hits  per language, by ordinal: its words, a word of k languages counting 1/k
     * @param words the words of the text
     */
    record Tally(double[] hits, int words) {

        /** The language whose known words outnumber every other's, if one does. */
        Optional<DetectedLanguage> winner() {
            return winner(null);
        }

        /**
         * The language whose known words outnumber every other's; when several share the most,
         * the {@code prior} if it is one of them, less sure.
         */
        Optional<DetectedLanguage> winner(Language prior) {
            double best = 0;
            double second = 0;
            Language winner = null;
            for (var language : Language.values()) {
                double h = hits[language.ordinal()];
                if (h > best) {
                    second = best;
                    best = h;
                    winner = language;
                } else if (h > second) {
                    second = h;
                }
            }
            if (best - second < TIE) {
                return prior != null && best > 0 && best - hits[prior.ordinal()] < TIE
                        ? Optional.of(new DetectedLanguage(prior, TIE_BROKEN, Method.LEXICON))
                        : Optional.empty();
            }
            double coverage = Math.min(1.0, best / Math.max(1, words));
            double confidence = Math.min(HIGHEST,
                    BASE + PER_WORD_OF_MARGIN * (best - second) + FOR_FULL_COVERAGE * coverage);
            return Optional.of(new DetectedLanguage(winner, confidence, Method.LEXICON));
        }

        /** These counts with more points per language, by ordinal (the spelling's, say). */
        Tally plus(double[] points) {
            var sum = hits.clone();
            for (int i = 0; i < sum.length && i < points.length; i++) {
                sum[i] += points[i];
            }
            return new Tally(sum, words);
        }

        /** The points of a language. */
        double of(Language language) {
            return hits[language.ordinal()];
        }

        /** Whether a language has known words here and no other language has more. */
        boolean backs(Language language) {
            double own = hits[language.ordinal()];
            return own > 0 && Arrays.stream(hits).allMatch(h -> h <= own + TIE);
        }
    }

    /** Counts the known words of each language in a folded text. */
    Tally tally(String folded) {
        var tokens = words(folded);
        var hits = new double[Language.values().length];
        for (int i = 0; i < tokens.size(); i++) {
            count(hits, languagesOf(tokens.get(i)));
            if (i + 1 < tokens.size()) {
                count(hits, words.getOrDefault(tokens.get(i) + " " + tokens.get(i + 1), Set.of()));
            }
        }
        return new Tally(hits, tokens.size());
    }

    static List<String> words(String folded) {
        return NOT_WORD.splitAsStream(folded)
                .filter(token -> token.codePoints().anyMatch(Character::isLetter))
                .toList();
    }

    private Set<Language> languagesOf(String token) {
        var known = words.get(token);
        if (known == null) {
            known = squeezedWords.get(squeeze(token));
        }
        if (known == null && looksLikeArabizi(token)) {
            known = Set.of(Language.AR);
        }
        return known == null ? Set.of() : known;
    }

    // A word shared by several languages is shared evidence: each of them gets its part.
    private static void count(double[] hits, Set<Language> languages) {
        for (var language : languages) {
            hits[language.ordinal()] += 1.0 / languages.size();
        }
    }

    private static boolean looksLikeArabizi(String token) {
        return ARABIZI_DIGIT.matcher(token).matches()
                && token.chars().filter(Character::isLetter).count() >= 2
                && !NUMBER_WITH_UNIT.matcher(token).matches();
    }

    // Stretched words ("merciii", "plsss", "helloooo") meet their list entry once letters repeat once.
    private static String squeeze(String word) {
        var out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
                out.append(word.charAt(i));
            }
        }
        return out.toString();
    }

    private static List<String> read(String resource) {
        var stream = ShortWordLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new UncheckedIOException(new IOException("missing word list " + resource));
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> String.join(" ", words(TextNormalizer.normalize(line))))
                    .filter(entry -> !entry.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }
}
