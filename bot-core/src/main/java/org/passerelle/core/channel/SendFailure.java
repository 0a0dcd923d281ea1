package org.passerelle.core.channel;

/** Why a channel did not take a message, and whether trying again may help. */
public enum SendFailure {
    /** The channel asked us to slow down. */
    THROTTLED(true),
    /** The channel or the person's connection could not be reached. */
    CONNECTION_FAILED(true),
    /** The person blocked us or replied STOP: never send again unprompted. */
    CONTACT_STOPPED(false),
    /** The channel refused this message for good (bad address, bad content). */
    REJECTED(false);

    private final boolean retryable;

    SendFailure(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether the same message may be sent again later. */
    public boolean retryable() {
        return retryable;
    }
}
