package org.passerelle.content.sms;

import java.util.Objects;

/**
 * How a text is sent by SMS.
 *
 * @param encoding   GSM-7 when every character is in the GSM 03.38 alphabet, else UCS-2
 * @param units      the text's length in the encoding's units: septets for GSM-7 (an
 *                   extension character counts two), UTF-16 code units for UCS-2 (an emoji
 *                   counts two)
 * @param segments   the number of messages billed and sent, at least 1
 * @param perSegment the units one segment holds: {@link SmsEncoding#single()} for one segment,
 *                   {@link SmsEncoding#concatenated()} for more
 */
public record SmsCount(SmsEncoding encoding, int units, int segments, int perSegment) {

    public SmsCount {
        Objects.requireNonNull(encoding, "encoding");
        if (units < 0 || segments < 1 || perSegment < 1) {
            throw new IllegalArgumentException("units " + units + ", segments " + segments
                    + ", per segment " + perSegment);
        }
    }

    /** Whether the text is split into several concatenated segments. */
    public boolean concatenated() {
        return segments > 1;
    }
}
