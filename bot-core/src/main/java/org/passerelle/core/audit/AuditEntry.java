package org.passerelle.core.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One audited staff action.
 *
 * @param at        when it was recorded (the time of the store)
 * @param username  who acted, or who tried to sign in
 * @param role      the account's role ({@code ADMIN}, {@code MEDIATOR}), empty when not known
 * @param action    what was done: {@code POST /api/inbox/conversations/{id}/claim}, or a sign-in
 *                  outcome such as {@link #SIGN_IN_FAILED}
 * @param variables the route's variables by name (a conversation pseudonym, a username, a
 *                  service id, a booking code), in the route's order; never a message text
 * @param status    the HTTP status answered, or null for a sign-in outcome
 */
public record AuditEntry(Instant at, String username, String role, String action, Map<String, String> variables,
        Integer status) {

    /** A staff member signed in, by the form or by HTTP Basic. */
    public static final String SIGN_IN = "SIGN-IN";
    /** A sign-in was refused: wrong password or no such account. */
    public static final String SIGN_IN_FAILED = "SIGN-IN FAILED";
    /** That failure locked the account. */
    public static final String ACCOUNT_LOCKED = "ACCOUNT LOCKED";
    /** A sign-in was refused because the account is locked. */
    public static final String SIGN_IN_LOCKED = "SIGN-IN REFUSED, LOCKED";

    public AuditEntry {
        Objects.requireNonNull(username, "username");
        role = role == null ? "" : role;
        Objects.requireNonNull(action, "action");
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** An entry to record; the store sets the time. */
    public static AuditEntry of(String username, String role, String action, Map<String, String> variables,
            Integer status) {
        return new AuditEntry(null, username, role, action, variables, status);
    }
}
