package org.passerelle.core.booking;

import org.passerelle.content.Language;

/**
 * What she tells about herself with a booking.
 *
 * @param nickname            what to call her, or null for nothing (never a real name required)
 * @param interpreterLanguage the language of the appointment: French when she needs no
 *                            interpreter, else the interpreter's
 * @throws IllegalArgumentException when the language is missing
 */
public record BookingDetails(String nickname, Language interpreterLanguage) {

    public BookingDetails {
        Checks.present("interpreterLanguage", interpreterLanguage);
    }

    /** No nickname, and the appointment in her language. */
    public static BookingDetails in(Language language) {
        return new BookingDetails(null, language);
    }
}
