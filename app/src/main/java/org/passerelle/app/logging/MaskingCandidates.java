package org.passerelle.app.logging;

/**
 * One scan over a line that tells whether any rule of {@link LogMasking} could match it. Each
 * check is a necessary condition of one rule (weaker, never stronger), so that a line it lets
 * through unmasked is one no rule would have changed: a bot token needs five digits before a
 * colon, a credential the word {@code bearer} or {@code basic}, a hexadecimal secret a run of 32
 * hexadecimal digits, a base64 secret a run of 40 base64 characters, an international number a
 * {@code +} before a digit, a French number its exact shape, a bare number a standalone run of 9
 * to 15 digits. Timestamps, levels, logger names, pseudonyms and message ids pass none of them.
 */
final class MaskingCandidates {

    private static final int TOKEN_ID_DIGITS = 5;
    private static final int HEX_RUN = 32;
    private static final int BASE64_RUN = 40;
    private static final int MIN_BARE_DIGITS = 9;
    private static final int MAX_BARE_DIGITS = 15;

    private MaskingCandidates() {
    }

    /** Whether a rule of {@link LogMasking} could match somewhere in the text. */
    static boolean mayHold(String text) {
        int digits = 0;
        int hex = 0;
        int base64 = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (digit) {
                if (digits == 0 && isNumberStart(text, i)) {
                    return true;
                }
                digits++;
            } else {
                if (bareNumberEnds(text, i, digits) || c == ':' && digits >= TOKEN_ID_DIGITS
                        || c == '+' && startsInternational(text, i) || (c == 'b' || c == 'B') && credential(text, i)) {
                    return true;
                }
                digits = 0;
            }
            hex = digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' ? hex + 1 : 0;
            base64 = isBase64(c) ? base64 + 1 : 0;
            if (hex >= HEX_RUN || base64 >= BASE64_RUN) {
                return true;
            }
        }
        return bareNumberEnds(text, length, digits);
    }

    // A run of 9 to 15 digits that ends at {@code end}, standalone on both sides.
    private static boolean bareNumberEnds(String text, int end, int digits) {
        if (digits < MIN_BARE_DIGITS || digits > MAX_BARE_DIGITS) {
            return false;
        }
        int start = end - digits;
        return (start == 0 || !isWordOrPlus(text.charAt(start - 1)))
                && (end == text.length() || !isWord(text.charAt(end)));
    }

    // A French number in its exact shape: 0X or 33 X, then four pairs, each maybe after one separator.
    private static boolean isNumberStart(String text, int i) {
        if (i > 0 && isWordOrPlus(text.charAt(i - 1))) {
            return false;
        }
        int at;
        if (charIs(text, i, '0') && isDigitFrom1(text, i + 1)) {
            at = i + 2;
        } else if (charIs(text, i, '3') && charIs(text, i + 1, '3')) {
            at = isSeparator(text, i + 2) ? i + 3 : i + 2;
            if (!isDigitFrom1(text, at)) {
                return false;
            }
            at++;
        } else {
            return false;
        }
        for (int pair = 0; pair < 4; pair++) {
            if (isSeparator(text, at) && isDigit(text, at + 1)) {
                at++;
            }
            if (!isDigit(text, at) || !isDigit(text, at + 1)) {
                return false;
            }
            at += 2;
        }
        return at == text.length() || !isWord(text.charAt(at));
    }

    private static boolean startsInternational(String text, int i) {
        return isDigit(text, i + 1) && (i == 0 || !isWordOrPlus(text.charAt(i - 1)));
    }

    private static boolean credential(String text, int i) {
        return text.regionMatches(true, i, "bearer", 0, 6) || text.regionMatches(true, i, "basic", 0, 5);
    }

    private static boolean isBase64(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                || c == '_' || c == '-';
    }

    private static boolean isSeparator(String text, int i) {
        return i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '.' || text.charAt(i) == '-');
    }

    private static boolean isDigit(String text, int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    private static boolean isDigitFrom1(String text, int i) {
        return isDigit(text, i) && text.charAt(i) != '0';
    }

    private static boolean charIs(String text, int i, char c) {
        return i < text.length() && text.charAt(i) == c;
    }

    // Java's \w without UNICODE_CHARACTER_CLASS: ASCII letters, digits and the underscore.
    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isWordOrPlus(char c) {
        return isWord(c) || c == '+';
    }
}
