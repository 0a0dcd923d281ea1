package org.passerelle.content.load;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.passerelle.content.Language;
import org.passerelle.content.UiKeys;

/**
 * Reads the UI strings of one language ({@code ui/<code>.yaml}): a flat map of key to text,
 * where nested maps stand for dotted keys.
 *
 * @param directoryKeys the keys of the service directory
 * @param problems      where problems go
 */
record UiReader(Set<String> directoryKeys, Problems problems) {

    /**
     * What one UI file holds.
     *
     * @param strings the valid strings by dotted key
     * @param written every dotted key written, valid or not
     */
    record UiFile(Map<String, String> strings, Set<String> written) {
    }

    /** The path of a language's UI file relative to the content root. */
    static String file(Language language) {
        return "ui/" + language.code() + ".yaml";
    }

    UiFile read(Language language, Object document) {
        var file = new UiFile(new LinkedHashMap<>(), new LinkedHashSet<>());
        Fields.root(file(language), document, problems).ifPresent(root -> flatten(root, file));
        return file;
    }

    /** Records a problem for each required key that the source language does not write. */
    void checkComplete(UiFile source) {
        for (var key : UiKeys.ALL) {
            if (!source.written().contains(key)) {
                problems.add(file(Language.SOURCE), key, "missing");
            }
        }
    }

    /** Records a problem for each key of a translation that the source language lacks. */
    void checkKnown(Language language, UiFile translation, UiFile source) {
        for (var key : translation.written()) {
            if (!source.written().contains(key) && !UiKeys.ALL.contains(key)) {
                problems.add(file(language), key, "unknown key (not in " + file(Language.SOURCE) + ")");
            }
        }
    }

    private void flatten(Fields fields, UiFile into) {
        for (var key : fields.keys()) {
            if (fields.value(key) instanceof Map<?, ?>) {
                fields.mapping(key).ifPresent(nested -> flatten(nested, into));
                continue;
            }
            var field = fields.at(key);
            if (!into.written().add(field)) {
                problems.add(fields.file(), field, "defined twice");
            }
            fields.optionalText(key).ifPresent(string -> {
                References.check(string, directoryKeys, fields, key);
                into.strings().put(field, string);
            });
        }
    }
}
