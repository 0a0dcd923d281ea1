package org.passerelle.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random inputs for property tests: any Unicode (every plane, lone surrogates, combining marks,
 * zero-width and right-to-left characters, controls, emoji), empty, one character, and huge.
 * Seeded, and the seed is part of every sample's label, so that a failure can be replayed: set
 * {@code -Dpasserelle.property.seed=…} to run with one seed.
 */
public final class RandomInputs {

    private static final int[] AWKWARD = {0, '\t', '\n', '\r', 0x7f, 0x200b, 0x200d, 0x200e, 0x200f, 0x202e, 0xfeff,
        0x0301, 0x0308, 0x0627, 0x05d0, 0x4e2d, 0x0416, 0x1f600, 0x1f469, 0x1f3fd, 0xfffd, 0xd800, 0xdfff, 0x10ffff,
        '%', '&', '=', '+', '"', '\\', '{', '}', '[', ']', ':', ',', '<', '>', '/'};

    private final long seed;
    private final Random random;

    /** Random inputs from the seed given as a system property, or a new one. */
    public RandomInputs() {
        this(Long.getLong("passerelle.property.seed", new Random().nextLong()));
    }

    public RandomInputs(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The seed, to replay a failure. */
    public long seed() {
        return seed;
    }

    /** How many of each kind a property test tries. */
    public static int tries() {
        return Integer.getInteger("passerelle.property.tries", 300);
    }

    /** The empty text, one character, and {@code count} texts of random length, the last one huge. */
    public List<String> texts(int count) {
        var texts = new ArrayList<String>();
        texts.add("");
        texts.add(new String(Character.toChars(codePoint())));
        for (int i = 0; i < count; i++) {
            texts.add(text(random.nextInt(8) == 0 ? random.nextInt(5_000) : random.nextInt(80)));
        }
        texts.add(text(200_000));
        return texts;
    }

    /** A text of this many characters (UTF-16 units, roughly): any code point, lone surrogates included. */
    public String text(int length) {
        var out = new StringBuilder(length + 2);
        while (out.length() < length) {
            int cp = codePoint();
            if (cp >= 0xd800 && cp <= 0xdfff) {
                out.append((char) cp);
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Bytes that are mostly not valid UTF-8, or this text's UTF-8. */
    public byte[] bytes(String text) {
        if (random.nextBoolean()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        var bytes = new byte[random.nextInt(Math.max(1, text.length()) + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** An int from 0 (inclusive) to bound (exclusive). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** One item of these. */
    public <T> T oneOf(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private int codePoint() {
        return switch (random.nextInt(6)) {
            case 0 -> AWKWARD[random.nextInt(AWKWARD.length)];
            case 1 -> 0x20 + random.nextInt(0x5f);
            case 2 -> random.nextInt(0x3000);
            case 3 -> 0x1f300 + random.nextInt(0x300);
            default -> random.nextInt(Character.MAX_CODE_POINT + 1);
        };
    }
}
