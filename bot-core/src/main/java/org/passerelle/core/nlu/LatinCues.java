package org.passerelle.core.nlu;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.passerelle.content.Language;

/**
 * What the spelling of a Latin-script message says of its language, word by word, as points
 * per language on the scale of {@link ShortWordLexicon}'s known words (a word of one language
 * is 1 point).
 *
 * <p>Letters that one language alone uses among Passerelle's are decisive: ã õ for
 * Portuguese, ñ ¿ ¡ for Spanish, ș ț ă for Romanian, è ù û ë ï for French. Letters shared by
 * some of them (ç é ê à á í ó ú â î ô) split their point between those. People often type
 * without accents, so a missing accent says nothing; the endings and letter pairs that the
 * languages keep without accents count too ("-ção"/"-cao", "nh", "lh" Portuguese; "-ción"
 * Spanish; "-ului", "-ilor" Romanian; "-eau", "-eux" French; "th", "-ght", "-ing" English).
 * Each word gives its points once per cue.
 */
final class LatinCues {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
    // A decisive letter weighs two known words: one typed accent is deliberate.
    private static final double DECISIVE = 2.0;

    /** A letter or a pattern of a word and the points it gives each language. */
    private record Cue(Pattern pattern, double fr, double en, double es, double pt, double ro) {

        static Cue letters(String letters, double fr, double en, double es, double pt, double ro) {
            return new Cue(Pattern.compile("[" + letters + "]"), fr, en, es, pt, ro);
        }

        static Cue shape(String regex, double fr, double en, double es, double pt, double ro) {
            return new Cue(Pattern.compile(regex), fr, en, es, pt, ro);
        }

        void addTo(double[] points) {
            points[Language.FR.ordinal()] += fr;
            points[Language.EN.ordinal()] += en;
            points[Language.ES.ordinal()] += es;
            points[Language.PT.ordinal()] += pt;
            points[Language.RO.ordinal()] += ro;
        }
    }

    // On the word as typed, lower case: the letters.
    private static final List<Cue> LETTERS = List.of(
            Cue.letters("ãõ", 0, 0, 0, DECISIVE, 0),
            Cue.letters("ñ", 0, 0, DECISIVE, 0, 0),
            Cue.letters("șşțţă", 0, 0, 0, 0, DECISIVE),
            Cue.letters("èùûëïœ", DECISIVE, 0, 0, 0, 0),
            Cue.letters("ç", 0.5, 0, 0, 0.5, 0),
            Cue.letters("é", 0.5, 0, 0.2, 0.3, 0),
            Cue.letters("êô", 0.5, 0, 0, 0.5, 0),
            Cue.letters("à", 0.7, 0, 0, 0.3, 0),
            Cue.letters("áíóú", 0, 0, 0.5, 0.5, 0),
            Cue.letters("â", 0.3, 0, 0, 0.3, 0.4),
            Cue.letters("î", 0.4, 0, 0, 0, 0.6),
            Cue.letters("ü", 0, 0, 1, 0, 0));

    // On the word folded (no accents): spellings that survive typing without accents.
    private static final List<Cue> SHAPES = List.of(
            Cue.shape("\\w*(cao|coes|caes)", 0, 0, 0, 1, 0),
            // Not the short "-ao" of pinyin ("hao", "zao", "xiao").
            Cue.shape("\\w{2,}[a-hj-z]ao", 0, 0, 0, 0.7, 0),
            Cue.shape("\\w+(nh|lh)\\w+", 0, 0, 0, 0.7, 0),
            Cue.shape("\\w+(cion|ciones)", 0, 0, 1, 0, 0),
            Cue.shape("\\w+(ului|ilor|esc|easca)", 0, 0, 0, 0, 1),
            Cue.shape("\\w+(eau|eaux|eux|euse|ette)", 1, 0, 0, 0, 0),
            Cue.shape("(th|wh)\\w+|\\w+(ght|ing)", 0, 1, 0, 0, 0));

    private LatinCues() {
    }

    /** The points of each language, by ordinal, that the spelling of a text gives. */
    static double[] of(String text) {
        var points = new double[Language.values().length];
        var composed = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (composed.indexOf('¿') >= 0 || composed.indexOf('¡') >= 0) {
            points[Language.ES.ordinal()] += DECISIVE;
        }
        var matcher = WORD.matcher(composed);
        while (matcher.find()) {
            var word = matcher.group();
            for (var cue : LETTERS) {
                if (cue.pattern().matcher(word).find()) {
                    cue.addTo(points);
                }
            }
            var folded = TextNormalizer.normalize(word);
            for (var cue : SHAPES) {
                if (cue.pattern().matcher(folded).matches()) {
                    cue.addTo(points);
                }
            }
        }
        return points;
    }
}
