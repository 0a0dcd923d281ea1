package org.passerelle.content.validate;

import java.util.Objects;

/**
 * One thing wrong with a catalog, and where.
 *
 * @param place    the topic id, or {@link #UI} for a UI string, or {@link #DIRECTORY} for a
 *                 directory entry
 * @param language the ISO 639-1 code of the language concerned, or null when the problem is
 *                 the same in every language
 * @param field    the field ({@code sms}, {@code phrases}, a UI key, a directory key…), or null
 *                 when the whole topic or language is concerned
 * @param message  what is wrong, short, in English
 */
public record ContentProblem(String place, String language, String field, String message) {

    /** The place of problems with UI strings. */
    public static final String UI = "ui";
    /** The place of problems with directory entries. */
    public static final String DIRECTORY = "directory";

    public ContentProblem {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
    }

    /** One line naming the place, e.g. {@code complaint [ro] sms: 3 segments (…), at most 2}. */
    public String describe() {
        var line = new StringBuilder(place);
        if (language != null) {
            line.append(" [").append(language).append(']');
        }
        if (field != null) {
            line.append(' ').append(field);
        }
        return line.append(": ").append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
