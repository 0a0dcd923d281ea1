package org.passerelle.core.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.load.DirectoryWriter;

/** Where directory entries are used, and how directory drafts change the files of a publish. */
final class DirectoryEdits {

    static final String FILE = "directory.yaml";

    private DirectoryEdits() {
    }

    /** The topics, then the UI strings, whose texts in any language refer to the key. */
    static List<DirectoryUse> uses(ContentCatalog catalog, String key) {
        var reference = reference(key);
        var uses = new LinkedHashSet<DirectoryUse>();
        for (var topic : catalog.topics()) {
            boolean used = topic.languages().values().stream()
                    .anyMatch(text -> text.text().contains(reference) || text.sms().contains(reference));
            if (used) {
                uses.add(new DirectoryUse(DirectoryUse.TOPIC, topic.id()));
            }
        }
        for (var language : org.passerelle.content.Language.values()) {
            new TreeMap<>(catalog.uiStrings(language)).forEach((uiKey, value) -> {
                if (value.contains(reference)) {
                    uses.add(new DirectoryUse(DirectoryUse.UI, uiKey));
                }
            });
        }
        return List.copyOf(uses);
    }

    /**
     * Writes the directory with the drafts applied into {@code files}, whose topics already hold
     * the topic drafts of the same publish. Records a problem for a removal of an entry that is
     * gone or that a file still refers to.
     */
    static void apply(ContentCatalog base, Map<String, String> files, List<DirectoryDrafts.Stamped> drafts,
            List<String> problems) {
        if (drafts.isEmpty()) {
            return;
        }
        var entries = new TreeMap<String, DirectoryEntry>(base.directory());
        for (var stamped : drafts) {
            var draft = stamped.draft();
            if (!draft.removal()) {
                entries.put(draft.key(), draft.entry());
            } else if (entries.remove(draft.key()) == null) {
                problems.add(draft.key() + ": the directory entry no longer exists");
            } else {
                var users = filesReferringTo(files, draft.key());
                if (!users.isEmpty()) {
                    problems.add(draft.key() + ": cannot be removed, still used in " + String.join(", ", users));
                }
            }
        }
        files.put(FILE, DirectoryWriter.directory(entries.values()));
    }

    private static List<String> filesReferringTo(Map<String, String> files, String key) {
        var reference = reference(key);
        var users = new ArrayList<String>();
        new TreeMap<>(files).forEach((path, text) -> {
            if (!path.equals(FILE) && text.contains(reference)) {
                users.add(path);
            }
        });
        return users;
    }

    private static String reference(String key) {
        return "{service:" + key + "}";
    }
}
