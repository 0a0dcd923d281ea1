package org.passerelle.core.privacy;

/**
 * A sealed value names a key id that the keyring does not hold (a key retired too early, or a
 * value written by an instance configured with another ring). It is an
 * {@link IllegalArgumentException} like every value that does not open, so that callers treat it
 * the same way (a dead letter, a state started afresh), with a message that names the id.
 */
public class UnknownKeyException extends IllegalArgumentException {

    /** @param keyId the id found in the sealed value */
    public UnknownKeyException(String keyId) {
        super("sealed under key '" + keyId + "', which is not in the keyring");
    }
}
