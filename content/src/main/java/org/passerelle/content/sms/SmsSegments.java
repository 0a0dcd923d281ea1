package org.passerelle.content.sms;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * Counts the segments of an SMS text exactly as GSM 03.38 and the concatenation rules make a
 * carrier send it.
 *
 * <ul>
 * <li>GSM-7 when every character is in the default alphabet or its extension table; an
 * extension character ({@code ^ { } \ [ ~ ] | €} and form feed) takes two septets. One segment
 * holds 160 septets; a longer text goes in segments of 153, and an extension character's two
 * septets are never split, so a segment that would end with the escape holds one less.</li>
 * <li>UCS-2 as soon as one character is outside that alphabet: one segment holds 70 UTF-16 code
 * units, a longer text goes in segments of 67, and an emoji's surrogate pair is never split.</li>
 * <li>An empty text is one segment, as a carrier bills it.</li>
 * </ul>
 *
 * National language shift tables are not assumed: a sender cannot count on every network and
 * handset supporting them.
 */
public final class SmsSegments {

    private SmsSegments() {
    }

    /**
     * How the text is sent: encoding, length in units and segments.
     *
     * @throws NullPointerException when the text is null
     */
    public static SmsCount count(String text) {
        Objects.requireNonNull(text, "text");
        if (isGsm7(text)) {
            return count(text, SmsEncoding.GSM_7, Gsm7Alphabet::septets);
        }
        return count(text, SmsEncoding.UCS_2, Character::charCount);
    }

    /**
     * Whether every character of the text is in the GSM 03.38 alphabet, basic or extension.
     *
     * @throws NullPointerException when the text is null
     */
    public static boolean isGsm7(String text) {
        return text.codePoints().allMatch(c -> Gsm7Alphabet.septets(c) > 0);
    }

    /**
     * The characters of the text that force UCS-2, each once, in the order they first appear;
     * an emoji is one element. Empty when the text is GSM-7.
     *
     * @throws NullPointerException when the text is null
     */
    public static List<String> nonGsm7Characters(String text) {
        var found = new LinkedHashSet<String>();
        text.codePoints()
                .filter(c -> Gsm7Alphabet.septets(c) == 0)
                .forEach(c -> found.add(Character.toString(c)));
        return List.copyOf(found);
    }

    private static SmsCount count(String text, SmsEncoding encoding, IntUnaryOperator cost) {
        int units = text.codePoints().map(cost).sum();
        if (units <= encoding.single()) {
            return new SmsCount(encoding, units, 1, encoding.single());
        }
        int segments = 1;
        int used = 0;
        for (int c : text.codePoints().toArray()) {
            int size = cost.applyAsInt(c);
            // an escape pair or a surrogate pair moves whole to the next segment
            if (used + size > encoding.concatenated()) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return new SmsCount(encoding, units, segments, encoding.concatenated());
    }
}
