package org.passerelle.core.nlu;

import java.util.ArrayList;

/**
 * The forms of an Arabic word without the letters written attached to its front: a conjunction
 * (و, ف), then a preposition (ب, ل, ك), then the article (ال, or ل after ل). "وبالسكين" also
 * reads as "بالسكين", "السكين" and "سكين". Other words have one form, themselves.
 */
final class ArabicForms {

    private static final int SHORTEST = 2;

    private ArabicForms() {
    }

    static String[] of(String word) {
        if (word.isEmpty() || !isArabic(word.charAt(0))) {
            return new String[] {word};
        }
        var forms = new ArrayList<String>(4);
        forms.add(word);
        var afterConjunction = strip(word, "وف");
        addNew(forms, afterConjunction);
        for (var base : new String[] {word, afterConjunction}) {
            var afterPreposition = strip(base, "بلك");
            addNew(forms, afterPreposition);
            addNew(forms, stripArticle(afterPreposition));
            addNew(forms, stripArticle(base));
        }
        return forms.toArray(String[]::new);
    }

    private static boolean isArabic(char c) {
        return c >= '\u0600' && c <= '\u06FF';
    }

    private static String strip(String word, String letters) {
        if (word.length() > SHORTEST + 1 && letters.indexOf(word.charAt(0)) >= 0) {
            return word.substring(1);
        }
        return word;
    }

    private static String stripArticle(String word) {
        if (word.length() > SHORTEST + 2 && word.startsWith("ال")) {
            return word.substring(2);
        }
        if (word.length() > SHORTEST + 1 && word.startsWith("ل")) {
            // "للشرطة": the article's alif falls after the preposition ل
            return word.substring(1);
        }
        return word;
    }

    private static void addNew(ArrayList<String> forms, String form) {
        if (!forms.contains(form)) {
            forms.add(form);
        }
    }
}
