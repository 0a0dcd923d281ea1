package org.passerelle.core.booking;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Short booking codes that survive being read aloud or copied from an SMS: five characters from
 * an alphabet without 0, O, 1 and I. Random, so a code says nothing about the booking.
 */
final class BookingCodes implements Supplier<String> {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 5;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String get() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed by a person (spaces, lower case), or empty when it cannot be a code. */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        var code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() < 4 || code.length() > 6) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }
}
