package org.passerelle.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;

class StaffAccountTests {

    private static StaffAccount named(String username) {
        return new StaffAccount(username, "Someone", StaffRole.MEDIATOR, "{bcrypt}x", Set.of(), Set.of());
    }

    @Test
    void acceptsShortLowerCaseUsernamesWithDotsDashesAndUnderscores() {
        assertThat(named("a").username()).isEqualTo("a");
        assertThat(named("amina.b-2_x").username()).isEqualTo("amina.b-2_x");
        assertThat(named("x".repeat(32)).username()).hasSize(32);
    }

    @Test
    void refusesUsernamesThatCouldBreakAKeyOrFoolAColleague() {
        for (var bad : new String[] {null, "", "Amina", "amina b", "amina:admin", ".amina", "-x", "é",
                "x".repeat(33), "amina\n"}) {
            assertThatIllegalArgumentException().as(String.valueOf(bad)).isThrownBy(() -> named(bad))
                    .withMessageStartingWith("username");
        }
    }

    @Test
    void stripsTheDisplayNameAndRefusesAnEmptyOrMultiLineOne() {
        var account = new StaffAccount("amina", "  Amina B.  ", StaffRole.MEDIATOR, "{bcrypt}x", null, null);

        assertThat(account.displayName()).isEqualTo("Amina B.");
        assertThat(account.languages()).isEmpty();
        assertThat(account.skills()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new StaffAccount("amina", " ", StaffRole.MEDIATOR,
                "{bcrypt}x", Set.of(), Set.of())).withMessageStartingWith("displayName");
        assertThatIllegalArgumentException().isThrownBy(() -> new StaffAccount("amina", "A\nB", StaffRole.MEDIATOR,
                "{bcrypt}x", Set.of(), Set.of())).withMessageStartingWith("displayName");
        assertThatIllegalArgumentException().isThrownBy(() -> new StaffAccount("amina", "x".repeat(61),
                StaffRole.MEDIATOR, "{bcrypt}x", Set.of(), Set.of())).withMessageStartingWith("displayName");
        assertThatIllegalArgumentException().isThrownBy(() -> new StaffAccount("amina", "Amina", null,
                "{bcrypt}x", Set.of(), Set.of())).withMessageStartingWith("role");
        assertThatIllegalArgumentException().isThrownBy(() -> new StaffAccount("amina", "Amina",
                StaffRole.MEDIATOR, "", Set.of(), Set.of())).withMessageStartingWith("passwordHash");
    }

    @Test
    void keepsItsOwnCopyOfLanguagesAndSkills() {
        var languages = new HashSet<>(Set.of(Language.FR));
        var account = new StaffAccount("amina", "Amina", StaffRole.MEDIATOR, "{bcrypt}x", languages,
                EnumSet.of(Skill.MINORS));

        languages.add(Language.ZH);

        assertThat(account.languages()).containsExactly(Language.FR);
        assertThat(account.mediator().languages()).containsExactly(Language.FR);
        assertThat(account.mediator().skills()).containsExactly(Skill.MINORS);
    }

    @Test
    void neverPrintsThePasswordHash() {
        var account = new StaffAccount("amina", "Amina", StaffRole.ADMIN, "{bcrypt}$2a$10$secret", Set.of(), Set.of());

        assertThat(account.toString()).contains("amina", "ADMIN").doesNotContain("secret", "bcrypt");
    }
}
