package org.passerelle.admin.content.directory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.core.content.DirectoryDraft;
import org.passerelle.core.content.DirectoryEditor;
import org.passerelle.core.content.DirectoryEntryException;
import org.passerelle.core.content.DirectoryEntryException.Problem;
import org.passerelle.core.content.DirectoryEntryException.Reason;

/** Turns what staff send (a JSON request or the page's form) into the entry to save as a draft. */
final class EntryChanges {

    private EntryChanges() {
    }

    /** What an edit starts from: the entry's draft, else the entry in force, else a new empty entry. */
    static DirectoryEntry base(DirectoryEditor editor, String key) {
        return editor.draft(key).filter(draft -> !draft.removal()).map(DirectoryDraft::entry)
                .or(() -> editor.catalog().directoryEntry(key))
                .orElseGet(() -> new DirectoryEntry(key, null, Map.of(), false, ""));
    }

    /**
     * The entry with the request's fields applied; spaces around values are dropped, an empty
     * value means none.
     *
     * @throws DirectoryEntryException when a language code is unknown
     */
    static DirectoryEntry apply(DirectoryEntry base, DirectoryApi.EntryRequest request) {
        var common = request.value() == null ? base.common() : emptyToNull(request.value());
        var values = request.values() == null ? base.values() : values(request.values());
        boolean given = request.value() != null && common != null || request.values() != null && !values.isEmpty();
        boolean confirmed = request.confirmed() != null ? request.confirmed() : given || base.confirmed();
        var note = request.note() == null ? base.note() : request.note().strip();
        return new DirectoryEntry(base.key(), common, values, confirmed, note);
    }

    private static Map<Language, String> values(Map<String, String> byCode) {
        var values = new EnumMap<Language, String>(Language.class);
        var problems = new ArrayList<Problem>();
        byCode.forEach((code, value) -> {
            var language = Language.fromCode(code).filter(l -> l.code().equals(code));
            if (language.isEmpty()) {
                problems.add(new Problem("values." + code, Reason.LANGUAGE, "no language '" + code + "'"));
            } else if (value != null && !value.isBlank()) {
                values.put(language.get(), value.strip());
            }
        });
        if (!problems.isEmpty()) {
            throw new DirectoryEntryException(problems);
        }
        return values;
    }

    private static String emptyToNull(String value) {
        var stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** The languages in the order a form shows them. */
    static List<Language> languages() {
        return List.of(Language.values());
    }
}
