package org.passerelle.core.nlu.eval;

/** A development set that cannot be scored: unreadable, a missing column, an unknown label. */
final class BadDevSetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadDevSetException(String message) {
        super(message);
    }

    /** A problem on one line of the file, numbered from 1 (the header). */
    static BadDevSetException atLine(int line, String problem) {
        return new BadDevSetException("line " + line + ": " + problem);
    }
}
