package org.passerelle.admin.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** What a staff password must be: long enough to resist guessing, short enough for bcrypt. */
public final class PasswordPolicy {

    /** bcrypt reads no further than this many bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** Why a password is refused; pages turn it into a sentence in their language. */
    public enum Problem {
        /** Nothing given. */
        REQUIRED("password is required"),
        /** Fewer than {@link AdminSettings#MIN_PASSWORD_LENGTH} characters. */
        TOO_SHORT("password must be at least " + AdminSettings.MIN_PASSWORD_LENGTH + " characters"),
        /** More than {@link #MAX_PASSWORD_BYTES} bytes. */
        TOO_LONG("password must be at most " + MAX_PASSWORD_BYTES + " bytes (72 plain letters, fewer with accents)"),
        /** Only spaces. */
        BLANK("password must not be only spaces"),
        /** The username itself. */
        USERNAME("password must not be the username");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        /** The refusal in English, starting with {@code password}. */
        public String message() {
            return message;
        }

        /** The key of the pages' message that explains it: {@code team.error.password.too-short}. */
        public String messageKey() {
            return "team.error.password." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private PasswordPolicy() {
    }

    /**
     * Checks a new password for an account.
     *
     * @throws IllegalArgumentException starting with {@code password} and saying what is wrong
     */
    public static void check(String username, String password) {
        problem(username, password).ifPresent(problem -> {
            throw new IllegalArgumentException(problem.message());
        });
    }

    /** Why a new password for an account is refused; empty when it is accepted. */
    public static Optional<Problem> problem(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of(Problem.REQUIRED);
        }
        if (password.codePointCount(0, password.length()) < AdminSettings.MIN_PASSWORD_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (password.isBlank()) {
            return Optional.of(Problem.BLANK);
        }
        if (password.strip().equalsIgnoreCase(username)) {
            return Optional.of(Problem.USERNAME);
        }
        return Optional.empty();
    }
}
