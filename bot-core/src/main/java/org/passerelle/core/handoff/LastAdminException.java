package org.passerelle.core.handoff;

/**
 * The change would leave the team without any admin, and so nobody to manage the accounts: it was
 * not made. HTTP 409.
 */
public final class LastAdminException extends RuntimeException {

    /** @param username the admin who would have been removed or made a mediator */
    public LastAdminException(String username) {
        super("'" + username + "' is the last admin: make another account admin first");
    }
}
