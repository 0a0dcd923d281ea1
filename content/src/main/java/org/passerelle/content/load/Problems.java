package org.passerelle.content.load;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.content.ContentInvalidException;

/** Collects every problem of one load, each as {@code file: field: what}, before failing once. */
final class Problems {

    private final List<String> problems = new ArrayList<>();

    /** A problem with one field of a file. */
    void add(String file, String field, String what) {
        problems.add(file + ": " + field + ": " + what);
    }

    /** A problem with a file as a whole (missing, unreadable, too large). */
    void add(String file, String what) {
        problems.add(file + ": " + what);
    }

    /** Whether a problem about this file was already recorded. */
    boolean mentions(String file) {
        return problems.stream().anyMatch(problem -> problem.startsWith(file + ": "));
    }

    /** @throws ContentInvalidException listing every problem, when there is at least one */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ContentInvalidException(problems);
        }
    }
}
