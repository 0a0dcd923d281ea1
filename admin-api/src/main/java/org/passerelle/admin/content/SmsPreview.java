package org.passerelle.admin.content;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.content.sms.SmsEncoding;
import org.passerelle.content.sms.SmsSegments;

/**
 * What an SMS text costs, as the editor shows it beside the field: the text as sent (references
 * resolved), cut into runs so that the characters forcing UCS-2 can be highlighted, the encoding,
 * the segments, and how many units are left in the last segment before another one starts.
 *
 * @param text      the text as the person receives it
 * @param parts     the text in runs, each either wholly GSM-7 or wholly not
 * @param encoding  {@code GSM-7} or {@code UCS-2}
 * @param units     septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param segments  the messages sent, at least 1
 * @param left      the units still free in the last segment
 * @param nonGsm7   the characters that force UCS-2, each once
 * @param tooLong   whether it takes more segments than an SMS text may
 */
record SmsPreview(String text, List<Part> parts, String encoding, int units, int segments, int left,
        List<String> nonGsm7, boolean tooLong) {

    /** The most segments an SMS text may take, as the publish check says. */
    static final int MAX_SEGMENTS = org.passerelle.content.validate.ContentValidator.MAX_SMS_SEGMENTS;

    /** A run of the text; {@code ucs2} when its characters are outside the GSM 03.38 alphabet. */
    record Part(String text, boolean ucs2) {
    }

    /** The preview of a resolved SMS text. */
    static SmsPreview of(String text) {
        var count = SmsSegments.count(text);
        return new SmsPreview(text, parts(text), count.encoding().displayName(), count.units(), count.segments(),
                left(text, count.encoding()), SmsSegments.nonGsm7Characters(text), count.segments() > MAX_SEGMENTS);
    }

    /**
     * The units free in the last segment, replaying the cut that {@link SmsSegments} makes: a
     * text that fits one segment has the single size; beyond, every segment has the concatenated
     * size and a character that does not fit whole goes to the next one.
     */
    private static int left(String text, SmsEncoding encoding) {
        var costs = text.codePoints().map(c -> cost(c, encoding)).toArray();
        int units = java.util.Arrays.stream(costs).sum();
        if (units <= encoding.single()) {
            return encoding.single() - units;
        }
        int used = 0;
        for (int size : costs) {
            if (used + size > encoding.concatenated()) {
                used = 0;
            }
            used += size;
        }
        return encoding.concatenated() - used;
    }

    private static int cost(int codePoint, SmsEncoding encoding) {
        if (encoding == SmsEncoding.UCS_2) {
            return Character.charCount(codePoint);
        }
        // one character alone is GSM-7 here, and its count is its septets (2 for the extension table)
        return SmsSegments.count(Character.toString(codePoint)).units();
    }

    private static List<Part> parts(String text) {
        var parts = new ArrayList<Part>();
        var run = new StringBuilder();
        boolean ucs2 = false;
        for (int c : text.codePoints().toArray()) {
            boolean outside = !SmsSegments.isGsm7(Character.toString(c));
            if (outside != ucs2 && !run.isEmpty()) {
                parts.add(new Part(run.toString(), ucs2));
                run.setLength(0);
            }
            ucs2 = outside;
            run.appendCodePoint(c);
        }
        if (!run.isEmpty()) {
            parts.add(new Part(run.toString(), ucs2));
        }
        return parts;
    }
}
