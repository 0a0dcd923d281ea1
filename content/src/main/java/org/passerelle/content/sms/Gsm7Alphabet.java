package org.passerelle.content.sms;

/** The GSM 03.38 default alphabet and its extension table, as Unicode characters. */
final class Gsm7Alphabet {

    /** Code 0x1B of the basic table: the escape to the extension table, not a character. */
    static final char ESCAPE = '\u001B';

    /** The basic table in code order, 0x00 to 0x7F; 0x1B holds the escape. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ" + ESCAPE + "ÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** The characters of the extension table; each is sent as the escape and one code. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7Alphabet() {
    }

    /** The septets a character takes: 1 in the basic table, 2 in the extension table, else 0. */
    static int septets(int codePoint) {
        if (codePoint == ESCAPE || codePoint > Character.MAX_VALUE) {
            return 0;
        }
        if (BASIC.indexOf(codePoint) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(codePoint) >= 0 ? 2 : 0;
    }
}
