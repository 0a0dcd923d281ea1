package org.passerelle.core.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits a message into the words the classifier reads: folded by {@link TextNormalizer},
 * letters repeated for emphasis reduced ("merciiii"), apostrophes and punctuation as spaces,
 * common SMS abbreviations spelt out, and Han characters one by one (Chinese has no spaces).
 */
final class Tokens {

    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    // Short forms written on phones, spelt out so that they meet the words of the phrases.
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("jsuis", "je suis"), Map.entry("chui", "je suis"), Map.entry("stp", "s il te plait"),
            Map.entry("svp", "s il vous plait"), Map.entry("pk", "pourquoi"), Map.entry("pq", "porque"),
            Map.entry("rdv", "rendez vous"), Map.entry("jveux", "je veux"), Map.entry("jpeux", "je peux"),
            Map.entry("cc", "coucou"), Map.entry("bjr", "bonjour"), Map.entry("slt", "salut"),
            Map.entry("mrc", "merci"), Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("pls", "please"),
            Map.entry("plz", "please"), Map.entry("im", "i am"), Map.entry("thx", "thanks"), Map.entry("ty", "thank you"),
            Map.entry("vc", "voce"), Map.entry("tb", "tambem"), Map.entry("q", "que"), Map.entry("xq", "porque"),
            Map.entry("tmb", "tambien"));

    private Tokens() {
    }

    /**
     * The features of a text as one bag: each word, each pair of neighbouring words, and the
     * character trigrams of each word with its edges marked, so that a misspelt word still
     * shares most of its features with the word it was meant to be.
     */
    static String[] features(String text) {
        var words = of(text);
        var features = new ArrayList<String>(words.length * 6);
        for (int i = 0; i < words.length; i++) {
            features.add(words[i]);
            if (i > 0) {
                features.add(words[i - 1] + "_" + words[i]);
            }
            var points = ("<" + words[i] + ">").codePoints().toArray();
            for (int j = 0; j + 3 <= points.length; j++) {
                features.add("#" + new String(points, j, 3));
            }
        }
        return features.toArray(String[]::new);
    }

    static String[] of(String text) {
        var folded = REPEATS.matcher(TextNormalizer.normalize(text)).replaceAll("$1");
        var tokens = new ArrayList<String>();
        for (var word : SEPARATORS.split(folded)) {
            if (word.isEmpty()) {
                continue;
            }
            var spelt = ABBREVIATIONS.get(word);
            if (spelt != null) {
                tokens.addAll(List.of(spelt.split(" ")));
            } else {
                addSplittingHan(word, tokens);
            }
        }
        return tokens.toArray(String[]::new);
    }

    private static void addSplittingHan(String word, List<String> tokens) {
        var latin = new StringBuilder();
        word.codePoints().forEach(cp -> {
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                if (!latin.isEmpty()) {
                    tokens.add(latin.toString());
                    latin.setLength(0);
                }
                tokens.add(new String(Character.toChars(cp)));
            } else {
                latin.appendCodePoint(cp);
            }
        });
        if (!latin.isEmpty()) {
            tokens.add(latin.toString());
        }
    }
}
