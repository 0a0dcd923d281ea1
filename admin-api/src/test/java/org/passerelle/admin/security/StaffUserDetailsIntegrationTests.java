package org.passerelle.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.handoff.SignInAttempts;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.Team;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class StaffUserDetailsIntegrationTests {

    private final RedisStore store = TestRedis.newStore();
    private final Team team = new Team(store);
    private final SignInAttempts attempts = new SignInAttempts(store, 2, Duration.ofMinutes(15));
    private final StaffUserDetails details = new StaffUserDetails(team, attempts);

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void signsInAnAccountWithItsHashAndItsRoleWhateverTheCaseOfTheName() {
        team.create(new StaffAccount("amina", "Amina", StaffRole.MEDIATOR, "{bcrypt}hash", Set.of(Language.AR),
                Set.of()));

        var user = details.loadUserByUsername(" Amina ");

        assertThat(user.getUsername()).isEqualTo("amina");
        assertThat(user.getPassword()).isEqualTo("{bcrypt}hash");
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_MEDIATOR");
        assertThat(user.isAccountNonLocked()).isTrue();
    }

    @Test
    void anAccountLockedByRepeatedFailuresSaysSo() {
        team.create(new StaffAccount("amina", "Amina", StaffRole.MEDIATOR, "{bcrypt}hash", Set.of(), Set.of()));
        attempts.failed("amina");
        attempts.failed("amina");

        assertThat(details.loadUserByUsername("amina").isAccountNonLocked()).isFalse();
    }

    @Test
    void anUnknownOrMalformedNameIsNotFound() {
        for (var name : new String[] {"nobody", "bad:name", "", null}) {
            assertThatThrownBy(() -> details.loadUserByUsername(name)).isInstanceOf(UsernameNotFoundException.class);
        }
    }

    @Test
    void anUpgradedHashIsStored() {
        team.create(new StaffAccount("boss", "Boss", StaffRole.ADMIN, "{bcrypt}old", Set.of(), Set.of()));

        var user = details.updatePassword(details.loadUserByUsername("boss"), "{bcrypt}new");

        assertThat(user.getPassword()).isEqualTo("{bcrypt}new");
        assertThat(team.find("boss").orElseThrow().passwordHash()).isEqualTo("{bcrypt}new");
    }
}
