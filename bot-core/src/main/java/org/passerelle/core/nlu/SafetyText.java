package org.passerelle.core.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * A message cut into the words the safety rules compare, after {@link TextNormalizer}:
 * letters and digits make words, apostrophes inside a word are dropped ("j'ai" and "jai" meet),
 * a lone elided letter is joined to the next word (French "m a frappe" meets "m'a frappé",
 * Romanian "m-a bătut" reads "ma batut"), letters typed three times or more count once, a
 * number of two digits or more is cut from the letters it touches ("15ans"), each Han character
 * is a word except runs of Chinese numerals, and currency and percent signs become the word
 * "amount". Arabic letters are folded (ة→ه, ى→ي, no tatweel) and an Arabic word also offers its
 * forms without the attached و ف ب ل ك and ال.
 */
final class SafetyText {

    /** How much of a message is read: danger is said early, and this bounds the work. */
    static final int MAX_CHARS = 2000;

    private static final String ELIDED = "cdjlmnst";
    private static final String VOWELS = "aeiouy";
    private static final String HAN_NUMERALS = "〇零一二两三四五六七八九十";
    private static final String AMOUNT = " amount ";

    private final String[][] forms;

    private SafetyText(String[][] forms) {
        this.forms = forms;
    }

    /** The words of a text; an empty text for null. */
    static SafetyText of(String text) {
        if (text == null || text.isEmpty()) {
            return new SafetyText(new String[0][]);
        }
        var words = joinElisions(split(TextNormalizer.normalize(spellAmounts(cap(text)))));
        var forms = new String[words.size()][];
        for (int i = 0; i < forms.length; i++) {
            forms[i] = ArabicForms.of(words.get(i));
        }
        return new SafetyText(forms);
    }

    /** The words of a pattern part, read exactly as a message would be. */
    static List<String> words(String text) {
        return joinElisions(split(TextNormalizer.normalize(text)));
    }

    int size() {
        return forms.length;
    }

    String word(int index) {
        return forms[index][0];
    }

    /** The word and, for Arabic, its forms without attached prefixes. */
    String[] forms(int index) {
        return forms[index];
    }

    private static String cap(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end);
    }

    /** Currency and percent signs as words, since the normalizer drops them at the edges ("j'ai 15€"). */
    private static String spellAmounts(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean amount = Character.getType(c) == Character.CURRENCY_SYMBOL || c == '%';
            if (amount && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null && amount) {
                out.append(AMOUNT);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static List<String> split(String text) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        var numeral = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isHan(cp)) {
                flushWord(word, words);
                if (HAN_NUMERALS.indexOf(cp) >= 0) {
                    numeral.appendCodePoint(cp);
                } else {
                    flush(numeral, words);
                    words.add(new String(Character.toChars(cp)));
                }
            } else if (Character.isLetterOrDigit(cp)) {
                flush(numeral, words);
                appendFolded(cp, word);
            } else if (isApostrophe(cp) && word.length() > 0 && next < text.length()
                    && Character.isLetter(text.codePointAt(next))) {
                // "j'ai", "don't", "m'a": the apostrophe is part of the word people also type without it
                i = next;
                continue;
            } else {
                flushWord(word, words);
                flush(numeral, words);
            }
            i = next;
        }
        flushWord(word, words);
        flush(numeral, words);
        return words;
    }

    private static boolean isHan(int cp) {
        // below the CJK radicals block no character is Han, and most text lives there
        return cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static void appendFolded(int cp, StringBuilder word) {
        switch (cp) {
            case 'ة' -> word.append('ه');
            case 'ى', 'ی' -> word.append('ي');
            case 'ک' -> word.append('ك');
            case 'ـ' -> { }
            default -> word.appendCodePoint(cp);
        }
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '’' || cp == '‘' || cp == 'ʼ' || cp == '`' || cp == '′';
    }

    private static void flush(StringBuilder buffer, List<String> words) {
        if (buffer.length() > 0) {
            words.add(buffer.toString());
            buffer.setLength(0);
        }
    }

    private static void flushWord(StringBuilder word, List<String> words) {
        if (word.length() == 0) {
            return;
        }
        var squeezed = squeeze(word);
        word.setLength(0);
        int start = 0;
        int i = 0;
        while (i < squeezed.length()) {
            int run = digitRun(squeezed, i);
            // two digits or more make a number of their own ("15ans"); one digit is an Arabizi letter ("3andi")
            if (run >= 2) {
                addPart(squeezed, start, i, words);
                words.add(squeezed.substring(i, i + run));
                i += run;
                start = i;
            } else {
                i += Math.max(run, 1);
            }
        }
        addPart(squeezed, start, squeezed.length(), words);
    }

    private static void addPart(String text, int from, int to, List<String> words) {
        if (to > from) {
            words.add(text.substring(from, to));
        }
    }

    private static int digitRun(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static String squeeze(CharSequence word) {
        var out = new StringBuilder(word.length());
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            run = i > 0 && word.charAt(i - 1) == c ? run + 1 : 1;
            if (run < 3 || !Character.isLetter(c)) {
                out.append(c);
            } else if (run == 3) {
                out.setLength(out.length() - 2);
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> joinElisions(List<String> words) {
        var joined = new ArrayList<String>(words.size());
        for (int i = 0; i < words.size(); i++) {
            var word = words.get(i);
            if (i + 1 < words.size() && elides(word, words.get(i + 1))) {
                joined.add(word + words.get(i + 1));
                i++;
            } else {
                joined.add(word);
            }
        }
        return joined;
    }

    private static boolean elides(String word, String next) {
        char first = next.charAt(0);
        boolean single = word.length() == 1 && ELIDED.indexOf(word.charAt(0)) >= 0;
        if (!single && !word.equals("qu")) {
            return false;
        }
        return VOWELS.indexOf(first) >= 0 || (first == 'h' && (word.equals("j") || word.equals("l")));
    }
}
