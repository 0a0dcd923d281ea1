package org.passerelle.core.handoff;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.passerelle.content.Language;

/**
 * A staff member's account: her login, the name her colleagues see, what she may do, the hash of
 * her password, and the languages and skills the queue matches her with. The password itself is
 * never kept, and {@link #toString()} leaves the hash out.
 *
 * @param username     her login and her id as a mediator: 1 to {@value #MAX_USERNAME_LENGTH} of
 *                     {@code a-z 0-9 . _ -}, starting with a letter or a digit
 * @param displayName  the name shown in the inbox, 1 to {@value #MAX_DISPLAY_NAME_LENGTH}
 *                     characters, stripped
 * @param role         what she may do
 * @param passwordHash the password as the password encoder stored it, e.g. {@code {bcrypt}$2a$…}
 * @param languages    the languages she answers in; empty means all
 * @param skills       what she is trained for
 * @throws IllegalArgumentException starting with the field's name when one is missing or malformed
 */
public record StaffAccount(String username, String displayName, StaffRole role, String passwordHash,
        Set<Language> languages, Set<Skill> skills) {

    /** The longest username. */
    public static final int MAX_USERNAME_LENGTH = 32;
    /** The longest display name. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 60;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_USERNAME_LENGTH - 1) + "}");

    public StaffAccount {
        if (!validUsername(username)) {
            throw new IllegalArgumentException("username must be 1 to " + MAX_USERNAME_LENGTH
                    + " of a-z, 0-9, '.', '_' or '-', starting with a letter or a digit");
        }
        displayName = displayName(displayName);
        if (role == null) {
            throw new IllegalArgumentException("role is required: ADMIN or MEDIATOR");
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("passwordHash is required");
        }
        languages = copy(languages, Language.class, "languages");
        skills = copy(skills, Skill.class, "skills");
    }

    /** Whether this can be a username: the same rule as the constructor's. */
    public static boolean validUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /** Her as the queue sees her, with her username as the mediator id. */
    public Mediator mediator() {
        return new Mediator(username, displayName, languages, skills);
    }

    /** Whether she may manage the content, the schedules and the team. */
    public boolean isAdmin() {
        return role == StaffRole.ADMIN;
    }

    /** The same account with another password hash. */
    public StaffAccount withPasswordHash(String hash) {
        return new StaffAccount(username, displayName, role, hash, languages, skills);
    }

    /** Leaves the password hash out. */
    @Override
    public String toString() {
        return "StaffAccount[username=" + username + ", displayName=" + displayName + ", role=" + role
                + ", languages=" + languages + ", skills=" + skills + "]";
    }

    private static String displayName(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("displayName is required");
        }
        var name = value.strip();
        if (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("displayName must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("displayName must be on one line, without control characters");
        }
        return name;
    }

    private static <E extends Enum<E>> Set<E> copy(Collection<E> values, Class<E> type, String field) {
        var copy = EnumSet.noneOf(type);
        if (values != null) {
            for (var value : values) {
                if (value == null) {
                    throw new IllegalArgumentException(field + " must not contain null");
                }
                copy.add(value);
            }
        }
        return Collections.unmodifiableSet(copy);
    }
}
