package org.passerelle.content.validate;

import java.util.List;
import java.util.stream.Collectors;

/** Writes characters into a message so that a reader can find them, invisible ones included. */
final class Characters {

    private static final int SHOWN = 5;

    private Characters() {
    }

    /** The first few characters, each quoted or, when invisible, as {@code U+202F}. */
    static String quoted(List<String> characters) {
        var shown = characters.stream().limit(SHOWN).map(Characters::quoted).collect(Collectors.joining(", "));
        return characters.size() > SHOWN ? shown + ", …" : shown;
    }

    private static String quoted(String character) {
        int codePoint = character.codePointAt(0);
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
                || Character.getType(codePoint) == Character.NON_SPACING_MARK) {
            return String.format("U+%04X", codePoint);
        }
        return "\"" + character + "\"";
    }
}
