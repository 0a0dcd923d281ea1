package org.passerelle.core.handoff;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a transcript.
 *
 * @param author who wrote it
 * @param text   what was written
 * @param at     when
 */
public record TranscriptEntry(Author author, String text, Instant at) {

    public TranscriptEntry {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }

    /** Who wrote a line. */
    public enum Author {
        /** The person who asked for help. */
        PERSON,
        /** The assistant. */
        BOT,
        /** A mediator of the association. */
        MEDIATOR
    }
}
