package org.passerelle.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.Team;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class FirstAdminIntegrationTests {

    private static final String PASSWORD = "the-first-admin-password";

    private final RedisStore store = TestRedis.newStore();
    private final Team team = new Team(store);
    private final PasswordEncoder encoder =
            PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @AfterEach
    void closeStore() {
        store.close();
    }

    private FirstAdmin firstAdmin(String username, String password) {
        return new FirstAdmin(team, AdminSettings.bootstrap(username, password), encoder);
    }

    @Test
    void createsTheBootstrapAdminWithABcryptHashWhenThereIsNoAccount() {
        assertThat(firstAdmin("claire", PASSWORD).ensure()).isEqualTo(FirstAdmin.Outcome.CREATED);

        var admin = team.find("claire").orElseThrow();
        assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
        assertThat(admin.passwordHash()).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
        assertThat(encoder.matches(PASSWORD, admin.passwordHash())).isTrue();
    }

    @Test
    void leavesTheTeamAloneOnceAnyAccountExists() {
        team.create(new StaffAccount("amina", "Amina", StaffRole.MEDIATOR, "{bcrypt}x", Set.of(), Set.of()));

        assertThat(firstAdmin("claire", PASSWORD).ensure()).isEqualTo(FirstAdmin.Outcome.ACCOUNTS_EXIST);

        assertThat(team.find("claire")).isEmpty();
    }

    @Test
    void aSecondStartKeepsThePasswordChangedSince() {
        firstAdmin("claire", PASSWORD).ensure();
        team.changePasswordHash("claire", encoder.encode("a-newer-admin-password"));

        firstAdmin("claire", PASSWORD).ensure();

        assertThat(encoder.matches("a-newer-admin-password", team.find("claire").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void createsNobodyWithoutBothSettings() {
        assertThat(firstAdmin(null, null).ensure()).isEqualTo(FirstAdmin.Outcome.NOT_CONFIGURED);
        assertThat(firstAdmin("claire", null).ensure()).isEqualTo(FirstAdmin.Outcome.NOT_CONFIGURED);
        assertThat(firstAdmin(" ", PASSWORD).ensure()).isEqualTo(FirstAdmin.Outcome.NOT_CONFIGURED);

        assertThat(team.isEmpty()).isTrue();
    }

    @Test
    void refusesToStartWithAShortPasswordOrABadUsernameNamingTheSetting() {
        assertThatIllegalStateException().isThrownBy(() -> firstAdmin("claire", "short").ensure())
                .withMessageStartingWith("passerelle.admin.bootstrap-password")
                .withMessageNotContaining("short");
        assertThatIllegalStateException().isThrownBy(() -> firstAdmin("Claire Dupont", PASSWORD).ensure())
                .withMessageStartingWith("passerelle.admin.bootstrap-username");

        assertThat(team.isEmpty()).isTrue();
    }
}
