package org.passerelle.core.content;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.core.content.DirectoryEntryException.Problem;
import org.passerelle.core.content.DirectoryEntryException.Reason;
import org.passerelle.core.store.RedisStore;

/**
 * What staff do with the service directory (the addresses, hours and numbers that texts refer
 * to as {@code {service:key}}): read the entries in force and where each one is shown, save an
 * entry or its removal as a draft, discard a draft. Drafts are published, with the topic drafts,
 * by {@link ContentEditor#publish} and undone by {@link ContentEditor#rollback}, in the same
 * version history; the publish refuses the removal of an entry that a text still refers to.
 */
public final class DirectoryEditor {

    private record Loaded(int version, ContentCatalog catalog) {
    }

    private final ContentEditor editor;
    private final DirectoryDrafts drafts;
    private volatile Loaded loaded = new Loaded(-1, null);

    /**
     * @param editor the content editor whose versions the directory belongs to
     * @param store  the Redis store
     * @param clock  the time source
     */
    public DirectoryEditor(ContentEditor editor, RedisStore store, Clock clock) {
        this.editor = editor;
        this.drafts = new DirectoryDrafts(store, clock);
    }

    /** True when the entry holds a phone number, whose values are checked as such. */
    public static boolean isPhone(String key) {
        return DirectoryRules.isPhone(key);
    }

    /** The number of the version in force. */
    public int currentVersion() {
        return editor.currentVersion();
    }

    /**
     * The content in force, read once per version.
     *
     * @throws IllegalArgumentException before the content is seeded
     */
    public ContentCatalog catalog() {
        int version = editor.currentVersion();
        var current = loaded;
        if (current.version() != version) {
            current = new Loaded(version, editor.catalog(version));
            loaded = current;
        }
        return current.catalog();
    }

    /** The entries in force, by key. */
    public List<DirectoryEntry> entries() {
        return catalog().directory().values().stream().sorted(Comparator.comparing(DirectoryEntry::key)).toList();
    }

    /** The drafts waiting for the next publish, by key. */
    public List<DirectoryDraft> drafts() {
        return drafts.all().stream().map(DirectoryDrafts.Stamped::draft).toList();
    }

    /** The draft of one entry, if any. */
    public Optional<DirectoryDraft> draft(String key) {
        return drafts.get(key).map(DirectoryDrafts.Stamped::draft);
    }

    /** Where the entry is shown in the version in force: topics first, then UI strings. */
    public List<DirectoryUse> uses(String key) {
        return DirectoryEdits.uses(catalog(), key);
    }

    /**
     * Saves an entry as it should read after the next publish (a new entry or new values),
     * replacing any earlier draft of it.
     *
     * @throws DirectoryEntryException when a field is refused
     */
    public DirectoryDraft saveDraft(DirectoryEntry entry, String author) {
        Objects.requireNonNull(entry, "entry");
        DirectoryRules.check(entry);
        return drafts.save(entry.key(), entry, author);
    }

    /**
     * Saves the removal of an entry as a draft.
     *
     * @throws DirectoryEntryException when there is no such entry, or a text still refers to it
     */
    public DirectoryDraft saveRemoval(String key, String author) {
        var catalog = catalog();
        if (catalog.directoryEntry(key).isEmpty()) {
            throw new DirectoryEntryException(List.of(new Problem("key", Reason.UNKNOWN, "no directory entry '" + key + "'")));
        }
        var uses = DirectoryEdits.uses(catalog, key);
        if (!uses.isEmpty()) {
            var where = uses.stream().map(use -> use.kind() + " " + use.id()).toList();
            throw new DirectoryEntryException(List.of(new Problem("entry", Reason.IN_USE,
                    "still used in " + String.join(", ", where) + ": change those texts first")));
        }
        return drafts.save(key, null, author);
    }

    /** Deletes the draft of an entry; false when there was none. */
    public boolean discardDraft(String key) {
        return drafts.discard(key);
    }

    /**
     * The first line that shows the entry, in a language, as it would read with {@code candidate}
     * in place of the entry in force; empty when no text uses the entry.
     */
    public Optional<DirectoryPreview> preview(DirectoryEntry candidate, Language language) {
        var catalog = catalog();
        var reference = "{service:" + candidate.key() + "}";
        var value = candidate.value(language).orElseGet(() -> catalog.ui(language, ContentCatalog.UNCONFIRMED_KEY));
        for (var use : DirectoryEdits.uses(catalog, candidate.key())) {
            var line = line(catalog, use, language, reference);
            if (line.isPresent()) {
                var text = catalog.resolve(line.get().replace(reference, value), language);
                return Optional.of(new DirectoryPreview(use, language, text));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> line(ContentCatalog catalog, DirectoryUse use, Language language, String reference) {
        if (use.kind().equals(DirectoryUse.UI)) {
            return Optional.ofNullable(catalog.uiStrings(language).get(use.id())).filter(s -> s.contains(reference));
        }
        return catalog.topic(use.id()).flatMap(topic -> topic.in(language)).flatMap(text -> {
            var lines = (text.text() + "\n" + text.sms()).split("\n");
            for (var line : lines) {
                if (line.contains(reference)) {
                    return Optional.of(line.strip());
                }
            }
            return Optional.empty();
        });
    }
}
