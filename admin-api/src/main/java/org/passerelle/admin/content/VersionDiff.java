package org.passerelle.admin.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;

/**
 * What changed from one version of the content to the next, field by field: each topic's
 * sources and next steps, then each of its languages' status, title, text, SMS text and phrases
 * (one per line); then the UI strings by key, then the directory entries.
 */
final class VersionDiff {

    /** The unchanged lines shown around each change; the others are folded. */
    static final int CONTEXT = 1;

    /** The place of the UI strings' changes. */
    static final String UI = "ui";
    /** The place of the directory's changes. */
    static final String DIRECTORY = "directory";

    /**
     * One field that changed.
     *
     * @param place    the topic id, {@link #UI} or {@link #DIRECTORY}
     * @param language the language code, or null for a field of the whole topic or entry
     * @param field    the field, UI key or directory key
     * @param rows     the side-by-side lines
     */
    record Change(String place, String language, String field, List<LineDiff.Row> rows) {
    }

    private VersionDiff() {
    }

    /** Every field that differs between {@code before} (null for nothing) and {@code after}. */
    static List<Change> compare(ContentCatalog before, ContentCatalog after) {
        var changes = new ArrayList<Change>();
        var ids = new LinkedHashSet<String>();
        after.topics().forEach(t -> ids.add(t.id()));
        if (before != null) {
            before.topics().forEach(t -> ids.add(t.id()));
        }
        for (var id : ids) {
            topic(id, before == null ? null : before.topic(id).orElse(null), after.topic(id).orElse(null), changes);
        }
        for (var language : Language.values()) {
            var old = before == null ? Map.<String, String>of() : before.uiStrings(language);
            var now = after.uiStrings(language);
            var keys = new TreeSet<>(old.keySet());
            keys.addAll(now.keySet());
            keys.forEach(key -> add(changes, UI, language.code(), key, old.get(key), now.get(key)));
        }
        var keys = new TreeSet<>(after.directory().keySet());
        if (before != null) {
            keys.addAll(before.directory().keySet());
        }
        for (var key : keys) {
            add(changes, DIRECTORY, null, key,
                    before == null ? null : describe(before.directory().get(key)), describe(after.directory().get(key)));
        }
        return changes;
    }

    private static void topic(String id, Topic before, Topic after, List<Change> changes) {
        add(changes, id, null, "sources", join(before, Topic::sources), join(after, Topic::sources));
        add(changes, id, null, "next", join(before, Topic::next), join(after, Topic::next));
        for (var language : Language.values()) {
            var old = before == null ? null : before.in(language).orElse(null);
            var now = after == null ? null : after.in(language).orElse(null);
            var code = language.code();
            add(changes, id, code, "status", field(old, t -> t.status().yamlName()), field(now, t -> t.status().yamlName()));
            add(changes, id, code, "title", field(old, TopicText::title), field(now, TopicText::title));
            add(changes, id, code, "text", field(old, TopicText::text), field(now, TopicText::text));
            add(changes, id, code, "sms", field(old, TopicText::sms), field(now, TopicText::sms));
            add(changes, id, code, "phrases", field(old, t -> String.join("\n", t.phrases())),
                    field(now, t -> String.join("\n", t.phrases())));
        }
    }

    private static void add(List<Change> changes, String place, String language, String field, String before,
            String after) {
        if (before == null ? after == null : before.equals(after)) {
            return;
        }
        changes.add(new Change(place, language, field, LineDiff.folded(LineDiff.compare(before, after), CONTEXT)));
    }

    private static String join(Topic topic, Function<Topic, List<String>> values) {
        return topic == null ? null : String.join("\n", values.apply(topic));
    }

    private static String field(TopicText text, Function<TopicText, String> value) {
        return text == null ? null : value.apply(text);
    }

    /** A directory entry as lines: the common value, each language's value, whether confirmed. */
    private static String describe(DirectoryEntry entry) {
        if (entry == null) {
            return null;
        }
        var lines = new ArrayList<String>();
        if (entry.common() != null) {
            lines.add(entry.common());
        }
        for (var language : Language.values()) {
            var value = entry.values().get(language);
            if (value != null) {
                lines.add(language.code() + ": " + value);
            }
        }
        lines.add("confirmed: " + entry.confirmed());
        return String.join("\n", lines);
    }
}
