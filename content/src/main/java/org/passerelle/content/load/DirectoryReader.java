package org.passerelle.content.load;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;

/**
 * Reads the service directory ({@code directory.yaml}): {@code entries}, each a key with a
 * {@code value} common to all languages and/or {@code values} per language, a
 * {@code confirmed} flag that defaults to true when a value is given, and an optional
 * {@code note} for staff.
 */
final class DirectoryReader {

    static final String FILE = "directory.yaml";

    private static final Pattern KEY = Pattern.compile("[a-z0-9_.-]+");
    private static final Set<String> ENTRY_FIELDS = Set.of("value", "values", "confirmed", "note");

    private DirectoryReader() {
    }

    /**
     * The entries of the directory by key. An entry with a problem is still listed, without
     * its values and unconfirmed, so that references to it are not reported twice.
     */
    static Map<String, DirectoryEntry> read(Object document, Problems problems) {
        var entries = new LinkedHashMap<String, DirectoryEntry>();
        var root = Fields.root(FILE, document, problems);
        if (root.isEmpty()) {
            return entries;
        }
        root.get().allowOnly(Set.of("entries"));
        root.get().mapping("entries").ifPresent(fields -> {
            for (var key : fields.keys()) {
                if (!KEY.matcher(key).matches()) {
                    fields.problem(key, "key may only hold a-z, 0-9, '.', '_' and '-'");
                    continue;
                }
                var entry = fields.mapping(key).flatMap(entryFields -> entry(key, entryFields));
                entries.put(key, entry.orElseGet(() -> new DirectoryEntry(key, null, Map.of(), false)));
            }
        });
        return entries;
    }

    private static Optional<DirectoryEntry> entry(String key, Fields fields) {
        fields.allowOnly(ENTRY_FIELDS);
        var common = fields.optionalText("value");
        boolean valid = common.isPresent() || !fields.has("value");
        var note = fields.optionalText("note");
        valid &= note.isPresent() || !fields.has("note");
        var values = new EnumMap<Language, String>(Language.class);
        if (fields.has("values")) {
            var perLanguage = fields.mapping("values");
            valid &= perLanguage.isPresent();
            perLanguage.ifPresent(languages -> {
                for (var code : languages.keys()) {
                    var language = LanguageCodes.exact(code);
                    if (language.isEmpty()) {
                        languages.problem(code, "unknown language (expected one of " + LanguageCodes.all() + ")");
                        continue;
                    }
                    languages.text(code).ifPresent(value -> values.put(language.get(), value));
                }
            });
        }
        boolean hasValue = common.isPresent() || !values.isEmpty();
        var confirmed = fields.optionalFlag("confirmed").orElse(hasValue);
        if (confirmed && !hasValue) {
            fields.problem("confirmed", "true but the entry has no value");
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryEntry(key, common.orElse(null), values, confirmed, note.orElse("")));
    }
}
