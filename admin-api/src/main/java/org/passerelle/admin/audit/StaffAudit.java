package org.passerelle.admin.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.passerelle.core.audit.AuditEntry;
import org.passerelle.core.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;

/**
 * Records staff actions and sign-in outcomes in the {@link AuditLog}. Recording is best effort:
 * a failure is logged (without the entry) and never reaches the caller, so that an unavailable
 * store cannot turn a done action into an error.
 */
public final class StaffAudit {

    /** The username recorded for a failed sign-in under a name that is no account. */
    public static final String UNKNOWN_ACCOUNT = "(unknown account)";

    /** The action recorded when the one-time setup link created the first admin. */
    public static final String FIRST_ADMIN = "FIRST ADMIN CREATED BY SETUP LINK";

    private static final Logger log = LoggerFactory.getLogger(StaffAudit.class);
    private static final int MAX_VALUE_LENGTH = 64;

    private final AuditLog auditLog;

    StaffAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** A staff member signed in through the form. */
    public void signedIn(String username, Collection<? extends GrantedAuthority> authorities) {
        record(AuditEntry.of(username, role(authorities), AuditEntry.SIGN_IN, Map.of(), null));
    }

    /**
     * A sign-in was refused.
     *
     * @param account the account's username, or null when the name given is no account (it may be
     *                anything typed, even a password, so it is not kept)
     */
    public void signInFailed(String account) {
        record(AuditEntry.of(account == null ? UNKNOWN_ACCOUNT : account, "", AuditEntry.SIGN_IN_FAILED,
                Map.of(), null));
    }

    /** That failure locked the account. */
    public void locked(String account) {
        record(AuditEntry.of(account, "", AuditEntry.ACCOUNT_LOCKED, Map.of(), null));
    }

    /** A sign-in to a locked account was refused. */
    public void refusedWhileLocked(String account) {
        record(AuditEntry.of(account, "", AuditEntry.SIGN_IN_LOCKED, Map.of(), null));
    }

    /** The first admin created her account with the one-time setup link. */
    public void firstAdminCreated(String username) {
        record(AuditEntry.of(username, "ADMIN", FIRST_ADMIN, Map.of(), null));
    }

    /** A change a staff member made, by its method, route template and route variables. */
    void action(String username, Collection<? extends GrantedAuthority> authorities, String action,
            Map<String, String> variables, int status) {
        var kept = new LinkedHashMap<String, String>();
        variables.forEach((name, value) -> kept.put(name, value.length() > MAX_VALUE_LENGTH
                ? value.substring(0, MAX_VALUE_LENGTH) : value));
        record(AuditEntry.of(username, role(authorities), action, kept, status));
    }

    private void record(AuditEntry entry) {
        try {
            auditLog.record(entry);
        } catch (RuntimeException e) {
            log.warn("audit entry not recorded: {}", e.getClass().getSimpleName());
        }
    }

    static String role(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length())).findFirst().orElse("");
    }
}
