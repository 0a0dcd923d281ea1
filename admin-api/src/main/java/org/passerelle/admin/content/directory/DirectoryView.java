package org.passerelle.admin.content.directory;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.core.content.DirectoryDraft;
import org.passerelle.core.content.DirectoryEditor;
import org.passerelle.core.content.DirectoryUse;

/** What the directory page shows: the entries grouped by service, each with its form. */
final class DirectoryView {

    /** A service (the part of the keys before the dot) and its entries. */
    record Group(String name, List<Row> rows) {
    }

    /** Where an entry is shown, with a readable name (a topic's French title). */
    record Use(String kind, String id, String title) {
    }

    /**
     * One entry on the page.
     *
     * @param form     the values in the form: the draft's, else those in force, else what was typed
     * @param status   {@code ok} (in force), {@code missing} (not confirmed), {@code draft} (changed,
     *                 not published) or {@code stale} (removal drafted)
     * @param errors   refused fields, by form field name, as message keys
     */
    record Row(String key, String name, boolean phone, boolean published, Form form, String status,
            DirectoryDraft draft, List<Use> uses, String preview, Map<String, String> errors) {

        private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .withZone(ZoneId.of("Europe/Paris"));

        /** When the draft was saved, in Paris time; empty without a draft. */
        public String draftSaved() {
            return draft == null ? "" : SAVED.format(draft.updatedAt());
        }

        /** True when the per-language values should show open. */
        public boolean perLanguageOpen() {
            return !form.values().isEmpty() || errors.keySet().stream().anyMatch(f -> f.startsWith("value-"));
        }

        /** Id of the element that holds this entry, for links and anchors. */
        public String anchor() {
            return "entry-" + key;
        }
    }

    /** The fields of an entry's form. */
    record Form(String value, Map<String, String> values, boolean confirmed, String note) {

        static Form of(DirectoryEntry entry) {
            var values = new LinkedHashMap<String, String>();
            new TreeMap<>(entry.values()).forEach((language, value) -> values.put(language.code(), value));
            return new Form(entry.common() == null ? "" : entry.common(), values, entry.confirmed(), entry.note());
        }
    }

    /** A form that came back refused: which entry, what was typed and what was wrong. */
    record Refused(String key, Form form, Map<String, String> errors) {
    }

    private DirectoryView() {
    }

    /** The groups of the page, in key order; {@code refused}, if any, replaces its entry's form. */
    static List<Group> groups(DirectoryEditor editor, Refused refused) {
        var catalog = editor.catalog();
        var drafts = new TreeMap<String, DirectoryDraft>();
        editor.drafts().forEach(draft -> drafts.put(draft.key(), draft));
        var keys = new java.util.TreeSet<String>(catalog.directory().keySet());
        keys.addAll(drafts.keySet());
        var groups = new LinkedHashMap<String, List<Row>>();
        for (var key : keys) {
            var row = row(editor, catalog, key, drafts.get(key), refused);
            groups.computeIfAbsent(DirectoryApi.group(key), g -> new ArrayList<>()).add(row);
        }
        var result = new ArrayList<Group>();
        groups.forEach((name, rows) -> result.add(new Group(name, rows)));
        return result;
    }

    private static Row row(DirectoryEditor editor, ContentCatalog catalog, String key, DirectoryDraft draft,
            Refused refused) {
        var published = catalog.directoryEntry(key);
        var shown = draft != null && !draft.removal() ? draft.entry()
                : published.orElseGet(() -> new DirectoryEntry(key, null, Map.of(), false, ""));
        String status;
        if (draft != null) {
            status = draft.removal() ? "stale" : "draft";
        } else {
            status = shown.confirmed() ? "ok" : "missing";
        }
        var uses = editor.uses(key).stream().map(use -> use(catalog, use)).toList();
        var preview = editor.preview(shown, Language.SOURCE).map(p -> p.text()).orElse(null);
        boolean mine = refused != null && refused.key().equals(key);
        var form = mine ? refused.form() : Form.of(shown);
        var errors = mine ? refused.errors() : Map.<String, String>of();
        int dot = key.indexOf('.');
        return new Row(key, dot < 0 ? key : key.substring(dot + 1), DirectoryEditor.isPhone(key),
                published.isPresent(), form, status, draft, uses, preview, errors);
    }

    private static Use use(ContentCatalog catalog, DirectoryUse use) {
        var title = use.kind().equals(DirectoryUse.TOPIC)
                ? catalog.topic(use.id()).flatMap(t -> t.in(Language.SOURCE)).map(t -> t.title()).orElse(use.id())
                : use.id();
        return new Use(use.kind(), use.id(), title);
    }
}
