package org.passerelle.admin.security;

import java.util.Set;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates the first admin from {@code passerelle.admin.bootstrap-*} when the team has no account
 * at all; once any account exists, those settings are not used again. There is no default
 * password: without them, the one-time setup link ({@link SetupLink}) lets the first admin create
 * her account.
 */
final class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    /** What happened at start. */
    enum Outcome { CREATED, ACCOUNTS_EXIST, NOT_CONFIGURED }

    private final Team team;
    private final AdminSettings settings;
    private final PasswordEncoder encoder;

    FirstAdmin(Team team, AdminSettings settings, PasswordEncoder encoder) {
        this.team = team;
        this.settings = settings;
        this.encoder = encoder;
    }

    /**
     * @throws IllegalStateException naming the setting when the bootstrap values are needed and
     *                               unusable
     */
    Outcome ensure() {
        if (!team.isEmpty()) {
            if (settings.hasBootstrapAccount()) {
                log.info("staff accounts exist; the bootstrap admin settings are not used and can be removed");
            }
            return Outcome.ACCOUNTS_EXIST;
        }
        if (!settings.hasBootstrapAccount()) {
            log.warn("no staff account: create the first admin with the one-time setup link printed once the "
                    + "server listens, or set passerelle.admin.bootstrap-username and passerelle.admin.bootstrap-password");
            return Outcome.NOT_CONFIGURED;
        }
        var username = settings.bootstrapUsername().strip();
        if (!StaffAccount.validUsername(username)) {
            throw new IllegalStateException("passerelle.admin.bootstrap-username must be 1 to "
                    + StaffAccount.MAX_USERNAME_LENGTH + " of a-z, 0-9, '.', '_' or '-'");
        }
        try {
            PasswordPolicy.check(username, settings.bootstrapPassword());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("passerelle.admin.bootstrap-" + e.getMessage());
        }
        var admin = new StaffAccount(username, username, StaffRole.ADMIN,
                encoder.encode(settings.bootstrapPassword()), Set.of(), Set.of());
        if (team.createFirst(admin)) {
            log.info("first admin account '{}' created from the bootstrap settings", username);
            return Outcome.CREATED;
        }
        // Another instance starting at the same moment created it.
        return Outcome.ACCOUNTS_EXIST;
    }
}
