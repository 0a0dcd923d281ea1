package org.passerelle.content;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One fact of the service directory (an address, hours, a phone number) that texts refer to
 * by key, so that one edit corrects every language.
 *
 * @param key       the reference key, e.g. {@code pad18.address}
 * @param common    the value when it is the same in every language (a phone number), or null
 * @param values    values that differ per language (hours written out), possibly empty
 * @param confirmed false while the association has not confirmed the value: it is then not
 *                  stated to a person, who is told to ask a mediator instead
 * @param note      what the entry is, for staff only (never shown to a person); empty if none
 */
public record DirectoryEntry(String key, String common, Map<Language, String> values, boolean confirmed,
        String note) {

    public DirectoryEntry {
        Objects.requireNonNull(key, "key");
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
        note = note == null ? "" : note;
    }

    /** An entry without a note. */
    public DirectoryEntry(String key, String common, Map<Language, String> values, boolean confirmed) {
        this(key, common, values, confirmed, "");
    }

    /** The value to show in a language, empty when unconfirmed or unknown. */
    public Optional<String> value(Language language) {
        if (!confirmed) {
            return Optional.empty();
        }
        var value = values.getOrDefault(language, values.get(Language.SOURCE));
        return Optional.ofNullable(value != null ? value : common);
    }
}
