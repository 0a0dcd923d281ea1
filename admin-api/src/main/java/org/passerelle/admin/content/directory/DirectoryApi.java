package org.passerelle.admin.content.directory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.core.content.DirectoryDraft;
import org.passerelle.core.content.DirectoryEditor;
import org.passerelle.core.content.DirectoryEntryException;
import org.passerelle.core.content.DirectoryPreview;
import org.passerelle.core.content.DirectoryUse;

/** The JSON shapes of the directory editor's API. */
final class DirectoryApi {

    private DirectoryApi() {
    }

    /** The directory in force with the drafts waiting, by key. */
    record Overview(int version, List<EntryJson> entries) {
    }

    /**
     * One entry: what is in force (null for an entry only a draft adds), its draft if any, and
     * where texts show it.
     */
    record EntryJson(String key, String group, boolean phone, ValuesJson published, DraftJson draft,
            List<UseJson> usedIn) {
    }

    /** The values of an entry. */
    record ValuesJson(String value, Map<String, String> values, boolean confirmed, String note) {

        static ValuesJson of(DirectoryEntry entry) {
            if (entry == null) {
                return null;
            }
            var values = new LinkedHashMap<String, String>();
            new java.util.TreeMap<>(entry.values()).forEach((language, value) -> values.put(language.code(), value));
            return new ValuesJson(entry.common(), values, entry.confirmed(), entry.note());
        }
    }

    /** A draft: the entry as it will read, or its removal. */
    record DraftJson(boolean remove, ValuesJson entry, String author, Instant updatedAt) {

        static DraftJson of(DirectoryDraft draft) {
            return draft == null ? null
                    : new DraftJson(draft.removal(), ValuesJson.of(draft.entry()), draft.author(), draft.updatedAt());
        }
    }

    /** A place where the entry is shown: a topic or an interface string. */
    record UseJson(String kind, String id) {

        static UseJson of(DirectoryUse use) {
            return new UseJson(use.kind(), use.id());
        }
    }

    /**
     * A draft as a script sends it. Fields left out keep the value of the draft or of the entry
     * in force; an empty {@code value} removes the common value; {@code values} replaces every
     * value per language (an empty one is dropped); {@code confirmed} left out means confirmed
     * when a value is given. {@code remove: true} drafts the removal of the entry.
     */
    record EntryRequest(String value, Map<String, String> values, Boolean confirmed, String note, Boolean remove) {
    }

    /** A saved draft, and a line a person would read with it. */
    record DraftResponse(String key, DraftJson draft, PreviewJson preview) {
    }

    /** A line of a text with the draft's value in it, in French. */
    record PreviewJson(String kind, String id, String language, String text) {

        static PreviewJson of(DirectoryPreview preview) {
            return new PreviewJson(preview.use().kind(), preview.use().id(), preview.language().code(), preview.text());
        }
    }

    /** One field refused. */
    record ProblemJson(String field, String reason, String message) {

        static List<ProblemJson> of(DirectoryEntryException e) {
            return e.problems().stream().map(p -> new ProblemJson(p.field(),
                    p.reason().name().toLowerCase(java.util.Locale.ROOT), p.message())).toList();
        }
    }

    /** The group of a key: what comes before its first dot. */
    static String group(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    static EntryJson entry(String key, DirectoryEntry published, DirectoryDraft draft, List<DirectoryUse> uses) {
        return new EntryJson(key, group(key), DirectoryEditor.isPhone(key), ValuesJson.of(published),
                DraftJson.of(draft), uses.stream().map(UseJson::of).toList());
    }
}
