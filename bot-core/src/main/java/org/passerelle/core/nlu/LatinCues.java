package org.passerelle.core.nlu;

import java.text.Normalizer;
import java.util.Locale;
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
 * languages keep without accents count too ("-ção"/"-cao", "nh", "lh" Portuguese; "-ción",
 * "ll-" Spanish; "-ului", "-ilor", "-ul" Romanian; "-eux", "-ette" French, "-eau" French or
 * Romanian; "th", "-ght", "-ing" English). Each word gives its points once per cue.
 */
final class LatinCues {

    // A decisive letter weighs two known words: one typed accent is deliberate.
    private static final double DECISIVE = 2.0;
    private static final int FR = Language.FR.ordinal();
    private static final int EN = Language.EN.ordinal();
    private static final int ES = Language.ES.ordinal();
    private static final int PT = Language.PT.ordinal();
    private static final int RO = Language.RO.ordinal();
    private static final int LANGUAGES = Language.values().length;

    // The points of each letter group, per language by ordinal; a word gives a group's once.
    private static final double[][] GROUPS = {
        // fr   en   es   pt   ro
        points(0, 0, 0, DECISIVE, 0),      // 0: ã õ
        points(0, 0, DECISIVE, 0, 0),      // 1: ñ
        points(0, 0, 0, 0, DECISIVE),      // 2: ș ş ț ţ ă
        points(DECISIVE, 0, 0, 0, 0),      // 3: è ù û ë ï œ
        points(0.5, 0, 0, 0.5, 0),         // 4: ç
        points(0.5, 0, 0.2, 0.3, 0),       // 5: é
        points(0.5, 0, 0, 0.5, 0),         // 6: ê ô
        points(0.7, 0, 0, 0.3, 0),         // 7: à
        points(0, 0, 0.5, 0.5, 0),         // 8: á í ó ú
        points(0.3, 0, 0, 0.3, 0.4),       // 9: â
        points(0.4, 0, 0, 0, 0.6),         // 10: î
        points(0, 0, 1, 0, 0),             // 11: ü
    };

    private LatinCues() {
    }

    /** The points of each language, by ordinal, that the spelling of a text gives. */
    static double[] of(String text) {
        var points = new double[LANGUAGES];
        var composed = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (composed.indexOf('¿') >= 0 || composed.indexOf('¡') >= 0) {
            points[ES] += DECISIVE;
        }
        var folded = new StringBuilder();
        int groups = 0;
        for (int i = 0; i <= composed.length(); i++) {
            char c = i < composed.length() ? composed.charAt(i) : ' ';
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetter(c)) {
                int group = group(c);
                groups |= group >= 0 ? 1 << group : 0;
                folded.append(fold(c));
            } else if (!folded.isEmpty() || groups != 0) {
                addGroups(points, groups);
                addShapes(points, folded.toString());
                folded.setLength(0);
                groups = 0;
            }
        }
        return points;
    }

    private static int group(char c) {
        return switch (c) {
            case 'ã', 'õ' -> 0;
            case 'ñ' -> 1;
            case 'ș', 'ş', 'ț', 'ţ', 'ă' -> 2;
            case 'è', 'ù', 'û', 'ë', 'ï', 'œ' -> 3;
            case 'ç' -> 4;
            case 'é' -> 5;
            case 'ê', 'ô' -> 6;
            case 'à' -> 7;
            case 'á', 'í', 'ó', 'ú' -> 8;
            case 'â' -> 9;
            case 'î' -> 10;
            case 'ü' -> 11;
            default -> -1;
        };
    }

    private static void addGroups(double[] points, int groups) {
        for (int group = 0; group < GROUPS.length; group++) {
            if ((groups & 1 << group) != 0) {
                for (int language = 0; language < LANGUAGES; language++) {
                    points[language] += GROUPS[group][language];
                }
            }
        }
    }

    // Spellings that survive typing without accents, on the folded word.
    private static void addShapes(double[] points, String word) {
        int length = word.length();
        if (endsWithAny(word, 0, "cao", "coes", "caes")) {
            points[PT] += 1;
        }
        // Not the short "-ao" of pinyin ("hao", "zao", "xiao").
        if (length >= 5 && word.endsWith("ao") && word.charAt(length - 3) != 'i') {
            points[PT] += 0.7;
        }
        if (inside(word, "nh") || inside(word, "lh")) {
            points[PT] += 0.7;
        }
        if (endsWithAny(word, 1, "cion", "ciones")) {
            points[ES] += 1;
        }
        // "llamar", "llevo", "lleno"; not Arabizi's "lli" (which).
        if (length > 3 && word.startsWith("ll") && "aeou".indexOf(word.charAt(2)) >= 0) {
            points[ES] += 1;
        }
        if (endsWithAny(word, 1, "ului", "ilor", "esc", "easca")) {
            points[RO] += 1;
        } else if (endsWithAny(word, 3, "ul") && !word.endsWith("ful")) {
            // The definite article: "pasaportul", "titlul"; not short words ("seul", "azul") nor "-ful".
            points[RO] += 0.5;
        }
        if (endsWithAny(word, 1, "eaux", "eux", "euse", "ette")) {
            points[FR] += 1;
        } else if (endsWithAny(word, 1, "eau")) {
            // "bateau", but also Romanian "vreau", "aveau", "puteau".
            points[FR] += 0.5;
            points[RO] += 0.5;
        }
        if (length > 2 && (word.startsWith("th") || word.startsWith("wh")) || endsWithAny(word, 1, "ght", "ing")) {
            points[EN] += 1;
        }
    }

    // Whether the word ends so with at least this many letters before the ending.
    private static boolean endsWithAny(String word, int before, String... endings) {
        for (var ending : endings) {
            if (word.length() >= ending.length() + before && word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    // Whether the pair sits inside the word, with letters on both sides.
    private static boolean inside(String word, String pair) {
        int at = word.indexOf(pair, 1);
        return at > 0 && at + pair.length() < word.length();
    }

    // The letter without its accent; letters with no plain form stay as they are.
    private static char fold(char c) {
        if (c < 0x80) {
            return c;
        }
        var decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return decomposed.isEmpty() ? c : decomposed.charAt(0);
    }

    private static double[] points(double fr, double en, double es, double pt, double ro) {
        var points = new double[LANGUAGES];
        points[FR] = fr;
        points[EN] = en;
        points[ES] = es;
        points[PT] = pt;
        points[RO] = ro;
        return points;
    }
}
