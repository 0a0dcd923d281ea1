package org.passerelle.core.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * French words of life in France that people keep in French whatever language they write in
 * ("titre de séjour", "rdv", "préfecture", "parcours de sortie"), read from
 * {@code nlu/loanwords.txt}. In "como consigo el titre de sejour" they say nothing of the
 * language of the message, so they are set aside before it is told.
 */
final class Loanwords {

    private static final String RESOURCE = "nlu/loanwords.txt";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private final Set<String> phrases;
    private final int longest;

    Loanwords(Set<String> phrases) {
        this.phrases = Set.copyOf(phrases);
        this.longest = phrases.stream().mapToInt(phrase -> phrase.split(" ").length).max().orElse(0);
    }

    /**
     * The shipped list.
     *
     * @throws UncheckedIOException when the list is missing or unreadable
     */
    static Loanwords shipped() {
        var stream = Loanwords.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new UncheckedIOException(new IOException("missing word list " + RESOURCE));
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return new Loanwords(Set.copyOf(reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> String.join(" ", ShortWordLexicon.words(TextNormalizer.normalize(line))))
                    .filter(phrase -> !phrase.isEmpty())
                    .toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + RESOURCE, e);
        }
    }

    /**
     * What a text is made of.
     *
     * @param rest          the text without its loanwords, accents and punctuation of the rest
     *                      kept; the text itself when it has no other word
     * @param onlyLoanwords whether it has loanwords and no other word
     */
    record Scan(String rest, boolean onlyLoanwords) {
    }

    /** Sets the loanwords of a text aside. */
    Scan scan(String text) {
        var words = new ArrayList<int[]>();
        var folded = new ArrayList<String>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(new int[] {matcher.start(), matcher.end()});
            folded.add(fold(matcher.group()));
        }
        var rest = new StringBuilder(text.length());
        int copied = 0;
        boolean other = false;
        boolean loan = false;
        for (int i = 0; i < words.size(); ) {
            int length = matchAt(folded, i);
            if (length == 0) {
                other |= folded.get(i).codePoints().anyMatch(Character::isLetter);
                i++;
                continue;
            }
            loan = true;
            rest.append(text, copied, words.get(i)[0]);
            copied = words.get(i + length - 1)[1];
            i += length;
        }
        return other ? new Scan(rest.append(text, copied, text.length()).toString(), false) : new Scan(text, loan);
    }

    // Most words are plain ASCII: lower case is their whole folding, without the full normaliser.
    private static String fold(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return TextNormalizer.normalize(word);
            }
        }
        return word.toLowerCase(Locale.ROOT);
    }

    // The longest phrase of the list that starts at this word, in words; 0 when none does.
    private int matchAt(List<String> folded, int start) {
        for (int length = Math.min(longest, folded.size() - start); length > 0; length--) {
            if (phrases.contains(String.join(" ", folded.subList(start, start + length)))) {
                return length;
            }
        }
        return 0;
    }
}
