package org.passerelle.content.load;

/** Counts SMS segments the way a carrier does: GSM-7 when every character allows it, else UCS-2. */
final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    /** Whether every character of the text has a GSM-7 encoding. */
    static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENDED.indexOf(c) >= 0);
    }

    /** The characters of the text that force UCS-2. */
    static String nonGsm7(String text) {
        var out = new StringBuilder();
        text.chars().filter(c -> GSM_BASIC.indexOf(c) < 0 && GSM_EXTENDED.indexOf(c) < 0)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The number of segments the text is sent in. */
    static int count(String text) {
        if (isGsm7(text)) {
            int septets = text.chars().map(c -> GSM_EXTENDED.indexOf(c) >= 0 ? 2 : 1).sum();
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
