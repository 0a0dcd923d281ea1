package org.passerelle.core.content;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A directory draft was refused; nothing was saved. Each problem names the field it is about
 * ({@code key}, {@code value}, {@code values.ar}, {@code note}, {@code confirmed}, or
 * {@code entry} for the entry as a whole) and why.
 */
public class DirectoryEntryException extends IllegalArgumentException {

    /** Why a field was refused. */
    public enum Reason {
        /** The key is not {@code group.name} in lower case. */
        KEY,
        /** A value or note is there but empty. */
        BLANK,
        /** A line break, a control character or a {@code {service:…}} reference in a value. */
        CHARACTERS,
        /** Longer than a value or note may be. */
        TOO_LONG,
        /** A phone number that does not look like one. */
        PHONE,
        /** Confirmed, but with no value common to all languages and no French value. */
        NO_VALUE,
        /** A value for a language Passerelle does not speak. */
        LANGUAGE,
        /** There is no such entry to remove. */
        UNKNOWN,
        /** The entry cannot be removed: texts still refer to it. */
        IN_USE
    }

    /** One refused field. */
    public record Problem(String field, Reason reason, String message) {
    }

    private final List<Problem> problems;

    public DirectoryEntryException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** What was refused, at least one problem. */
    public List<Problem> problems() {
        return problems;
    }
}
