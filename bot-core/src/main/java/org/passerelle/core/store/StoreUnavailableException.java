package org.passerelle.core.store;

/** Redis could not be reached or failed to answer; the caller answers gracefully. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
