package org.passerelle.core.content;

import java.time.Instant;
import java.util.Objects;
import org.passerelle.content.DirectoryEntry;

/**
 * An edit of one entry of the service directory, waiting for the next publish: either the
 * entry as it should read (a new entry, or new values for an existing one), or its removal.
 *
 * @param key       the entry's key
 * @param entry     the entry as it should read; null for a removal
 * @param author    who saved it
 * @param updatedAt when it was last saved
 */
public record DirectoryDraft(String key, DirectoryEntry entry, String author, Instant updatedAt) {

    public DirectoryDraft {
        Objects.requireNonNull(key, "key");
        if (entry != null && !entry.key().equals(key)) {
            throw new IllegalArgumentException("the draft of " + key + " holds the entry " + entry.key());
        }
    }

    /** True when the draft removes the entry. */
    public boolean removal() {
        return entry == null;
    }
}
