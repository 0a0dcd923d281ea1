package org.passerelle.admin.security;

import java.nio.charset.StandardCharsets;

/** What a staff password must be: long enough to resist guessing, short enough for bcrypt. */
public final class PasswordPolicy {

    /** bcrypt reads no further than this many bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private PasswordPolicy() {
    }

    /**
     * Checks a new password for an account.
     *
     * @throws IllegalArgumentException starting with {@code password} and saying what is wrong
     */
    public static void check(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password is required");
        }
        if (password.codePointCount(0, password.length()) < AdminSettings.MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be at least " + AdminSettings.MIN_PASSWORD_LENGTH
                    + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password must be at most " + MAX_PASSWORD_BYTES
                    + " bytes (72 plain letters, fewer with accents)");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException("password must not be only spaces");
        }
        if (password.strip().equalsIgnoreCase(username)) {
            throw new IllegalArgumentException("password must not be the username");
        }
    }
}
