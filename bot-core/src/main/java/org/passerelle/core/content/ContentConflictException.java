package org.passerelle.core.content;

/** Someone published since the version an edit was based on; nothing was changed. */
public class ContentConflictException extends RuntimeException {

    private final int currentVersion;

    public ContentConflictException(int expected, int currentVersion) {
        super("the content is at version " + currentVersion + ", not " + expected);
        this.currentVersion = currentVersion;
    }

    /** The version in force now. */
    public int currentVersion() {
        return currentVersion;
    }
}
