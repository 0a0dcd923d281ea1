package org.passerelle.core.booking;

import java.util.Optional;
import org.passerelle.core.privacy.AddressSealer;

/**
 * The nickname a person may give with a booking: what makes one acceptable, and its sealing
 * before it is written to Redis (AES-GCM, with a key for texts about a person, see
 * {@link AddressSealer#forTexts}), since a nickname may well be her real name. A nickname is
 * never logged. Thread-safe.
 */
public final class Nicknames {

    /** The longest nickname kept, in characters (code points). */
    public static final int MAX_LENGTH = 30;

    private final AddressSealer sealer;

    /** @param sealer seals the nicknames; a sealer for texts ({@link AddressSealer#forTexts}) */
    public Nicknames(AddressSealer sealer) {
        this.sealer = Checks.present("sealer", sealer);
    }

    /**
     * The nickname to keep from what she wrote: zero-width and direction marks taken out,
     * spaces of every kind made plain and trimmed; empty when what is left is too long, holds a
     * control or unassigned character, or has no letter nor pictograph (only digits,
     * punctuation, spaces).
     */
    public static Optional<String> clean(String written) {
        if (written == null) {
            return Optional.empty();
        }
        var out = new StringBuilder(written.length());
        boolean meaningful = false;
        for (int i = 0; i < written.length(); ) {
            int c = written.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.FORMAT) {
                // Zero-width joiners and spaces, direction marks and overrides: invisible, and a way to spoof.
                continue;
            }
            if (Character.isWhitespace(c) && c != '\n' && c != '\r' && c != '\t' || Character.isSpaceChar(c)) {
                out.append(' ');
                continue;
            }
            if (type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || isBlankLetter(c)) {
                return Optional.empty();
            }
            meaningful |= Character.isLetter(c) || type == Character.OTHER_SYMBOL;
            out.appendCodePoint(c);
        }
        var cleaned = out.toString().strip().replaceAll(" {2,}", " ");
        if (!meaningful || cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(cleaned);
    }

    // Letters that show nothing (Hangul fillers, the braille blank): invisible names.
    private static boolean isBlankLetter(int c) {
        return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
    }

    /** The sealed form of a nickname, for Redis. */
    public String seal(String nickname) {
        return sealer.seal(nickname);
    }

    /**
     * The nickname inside a sealed form; empty when it cannot be opened (another key, altered),
     * since a lost nickname must never stop a booking from being shown.
     */
    public Optional<String> open(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(sealer.open(sealed));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
