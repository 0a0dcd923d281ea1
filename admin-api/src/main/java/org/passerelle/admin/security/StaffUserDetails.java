package org.passerelle.admin.security;

import java.util.Locale;
import org.passerelle.core.handoff.SignInAttempts;
import org.passerelle.core.handoff.Team;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Signs staff in from the accounts of the {@link Team}: the username (case ignored) is the
 * account's, the authority is {@code ROLE_} and its role. An account locked after repeated
 * failures is refused before its password is checked. A hash made with older settings is
 * replaced by a current one at the next good sign-in.
 */
final class StaffUserDetails implements UserDetailsService, UserDetailsPasswordService {

    private final Team team;
    private final SignInAttempts attempts;

    StaffUserDetails(Team team, SignInAttempts attempts) {
        this.team = team;
        this.attempts = attempts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        var account = team.find(name).orElseThrow(() -> new UsernameNotFoundException("no such staff account"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.role().name())
                .accountLocked(attempts.locked(account.username()))
                .build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        team.changePasswordHash(user.getUsername(), newPassword);
        return User.withUserDetails(user).password(newPassword).build();
    }
}
