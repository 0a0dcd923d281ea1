package org.passerelle.core.nlu;

import java.util.Optional;
import org.passerelle.content.Language;
import org.passerelle.core.nlu.DetectedLanguage.Method;

/**
 * The letters of a text counted by writing system. Among Passerelle's languages, Han means
 * Chinese, Arabic script means Arabic and Cyrillic means Bulgarian, whatever the words say.
 */
final class ScriptCounts {

    // One Han character is a word; Arabic and Cyrillic need about a word's worth of letters.
    private static final int MIN_HAN_IN_MIXED_TEXT = 2;
    private static final int MIN_ALPHABETIC_IN_MIXED_TEXT = 3;
    private static final double MAJORITY = 0.5;
    private static final double CERTAIN = 0.97;
    private static final double LIKELY = 0.9;
    private static final double MIXED = 0.8;
    // Letters of another language of the same script: we still answer in ours, less sure.
    private static final double OTHER_LANGUAGE_SAME_SCRIPT = 0.6;

    private int latin;
    private int han;
    private int kana;
    private int arabic;
    private int persianLetters;
    private int cyrillic;
    private int nonBulgarianLetters;
    private int other;

    private ScriptCounts() {
    }

    static ScriptCounts of(String text) {
        var counts = new ScriptCounts();
        text.codePoints().filter(Character::isLetter).forEach(counts::add);
        return counts;
    }

    int letters() {
        return latin + han + kana + arabic + cyrillic + other;
    }

    int latin() {
        return latin;
    }

    /** Whether most letters are Latin: the only case where words and statistics must decide. */
    boolean mostlyLatin() {
        return latin > 0 && latin >= letters() * MAJORITY;
    }

    /** The language that the writing system settles, if any. */
    Optional<DetectedLanguage> language() {
        int letters = letters();
        if (letters == 0) {
            return Optional.empty();
        }
        if (han >= letters * MAJORITY) {
            return script(Language.ZH, kana > 0 ? OTHER_LANGUAGE_SAME_SCRIPT : CERTAIN);
        }
        if (arabic >= letters * MAJORITY) {
            return script(Language.AR, persianLetters > 0 ? OTHER_LANGUAGE_SAME_SCRIPT : LIKELY);
        }
        if (cyrillic >= letters * MAJORITY) {
            return script(Language.BG, nonBulgarianLetters > 0 ? OTHER_LANGUAGE_SAME_SCRIPT : LIKELY);
        }
        if (han >= MIN_HAN_IN_MIXED_TEXT && kana == 0) {
            return script(Language.ZH, MIXED);
        }
        if (arabic >= MIN_ALPHABETIC_IN_MIXED_TEXT && arabic >= cyrillic) {
            return script(Language.AR, MIXED);
        }
        if (cyrillic >= MIN_ALPHABETIC_IN_MIXED_TEXT) {
            return script(Language.BG, MIXED);
        }
        return Optional.empty();
    }

    private static Optional<DetectedLanguage> script(Language language, double confidence) {
        return Optional.of(new DetectedLanguage(language, confidence, Method.SCRIPT));
    }

    private void add(int codePoint) {
        switch (Character.UnicodeScript.of(codePoint)) {
            case LATIN -> latin++;
            case HAN -> han++;
            case HIRAGANA, KATAKANA -> kana++;
            case ARABIC -> {
                arabic++;
                persianLetters += isPersianLetter(codePoint) ? 1 : 0;
            }
            case CYRILLIC -> {
                cyrillic++;
                nonBulgarianLetters += isNonBulgarianCyrillic(codePoint) ? 1 : 0;
            }
            default -> other++;
        }
    }

    // پ چ ژ گ are Persian or Urdu letters that Arabic, even Maghreb darija, rarely types.
    private static boolean isPersianLetter(int codePoint) {
        return codePoint == 0x067E || codePoint == 0x0686 || codePoint == 0x0698 || codePoint == 0x06AF;
    }

    // ы э ё (Russian), і ї є ґ (Ukrainian), ђ ј љ њ ћ џ (Serbian, Macedonian) are not Bulgarian.
    private static boolean isNonBulgarianCyrillic(int codePoint) {
        return switch (Character.toLowerCase(codePoint)) {
            case 'ы', 'э', 'ё', 'і', 'ї', 'є', 'ґ', 'ђ', 'ј', 'љ', 'њ', 'ћ', 'џ', 'ѓ', 'ќ', 'ѕ' -> true;
            default -> false;
        };
    }
}
