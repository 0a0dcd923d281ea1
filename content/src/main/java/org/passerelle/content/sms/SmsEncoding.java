package org.passerelle.content.sms;

/**
 * The two encodings of an SMS text, with how many units fit in one message sent alone and in
 * each part of a concatenated message (the rest of a part holds the concatenation header).
 */
public enum SmsEncoding {
    /** The GSM 03.38 default alphabet; units are 7-bit septets. */
    GSM_7("GSM-7", 160, 153),
    /** Any other text; units are UTF-16 code units. */
    UCS_2("UCS-2", 70, 67);

    private final String displayName;
    private final int single;
    private final int concatenated;

    SmsEncoding(String displayName, int single, int concatenated) {
        this.displayName = displayName;
        this.single = single;
        this.concatenated = concatenated;
    }

    /** The usual written name, {@code GSM-7} or {@code UCS-2}. */
    public String displayName() {
        return displayName;
    }

    /** The units that fit in a message sent as one segment. */
    public int single() {
        return single;
    }

    /** The units that fit in each segment of a concatenated message. */
    public int concatenated() {
        return concatenated;
    }
}
