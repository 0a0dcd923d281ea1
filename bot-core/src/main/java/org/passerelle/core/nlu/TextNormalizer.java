package org.passerelle.core.nlu;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds what a person typed into a comparable form: case, accents, invisible characters,
 * punctuation around words, extra spaces, and digits of any script into ASCII digits.
 */
public final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextNormalizer() {
    }

    /** The folded form of a text; never null, possibly empty. */
    public static String normalize(String text) {
        if (folded(text)) {
            return text;
        }
        var decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        var folded = MARKS.matcher(decomposed).replaceAll("");
        folded = INVISIBLE.matcher(folded).replaceAll("");
        folded = asciiDigits(folded).toLowerCase(Locale.ROOT);
        folded = SPACES.matcher(folded).replaceAll(" ");
        return EDGE_PUNCTUATION.matcher(folded).replaceAll("");
    }

    // Already in folded form: lower-case ASCII letters and digits, single spaces inside only.
    private static boolean folded(String text) {
        int length = text.length();
        if (length == 0 || text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
            return length == 0;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == ' ' && text.charAt(i - 1) != ' ';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static String asciiDigits(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int digit = Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
            if (digit >= 0) {
                out.append((char) ('0' + digit));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
