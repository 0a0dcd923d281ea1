package org.passerelle.connectors.telegram;

import java.util.ArrayList;
import java.util.List;

/** Text rules of the Bot API: HTML escaping for {@code parse_mode=HTML} and the length limit. */
final class TelegramText {

    /** Longest text of one message, counted after entity parsing, in UTF-16 units. */
    static final int MAX_LENGTH = 4096;

    private TelegramText() {
    }

    /** Escapes the three characters that the Bot API's HTML parser reads as markup. */
    static String escapeHtml(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Splits a text into parts of at most {@code max} characters, at the last paragraph break
     * that fits, else the last line break, else the last space, else anywhere but inside a
     * surrogate pair.
     */
    static List<String> split(String text, int max) {
        var parts = new ArrayList<String>();
        var rest = text;
        while (rest.length() > max) {
            int cut = cutPoint(rest, max);
            var part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = stripLeadingBreaks(rest.substring(cut));
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int cutPoint(String text, int max) {
        for (var separator : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(separator, max - separator.length());
            if (at > 0) {
                return at;
            }
        }
        return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }

    private static String stripLeadingBreaks(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == ' ')) {
            start++;
        }
        return text.substring(start);
    }
}
