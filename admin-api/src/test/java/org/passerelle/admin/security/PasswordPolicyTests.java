package org.passerelle.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsTwelveCharactersUpToSeventyTwoBytes() {
        assertThatCode(() -> PasswordPolicy.check("amina", "twelve-chars")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("amina", "x".repeat(72))).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("amina", "mot de passe très long")).doesNotThrowAnyException();
    }

    @Test
    void refusesWhatIsShortTooLongForBcryptBlankOrTheUsername() {
        for (var bad : new String[] {null, "", "eleven-char", "x".repeat(73), "é".repeat(37), " ".repeat(12),
                "amina.rahmani", " AMINA.RAHMANI "}) {
            assertThatIllegalArgumentException().as(String.valueOf(bad))
                    .isThrownBy(() -> PasswordPolicy.check("amina.rahmani", bad))
                    .withMessageStartingWith("password");
        }
    }

    @Test
    void namesTheProblemForThePages() {
        assertThat(PasswordPolicy.problem("amina", null)).contains(PasswordPolicy.Problem.REQUIRED);
        assertThat(PasswordPolicy.problem("amina", "eleven-char")).contains(PasswordPolicy.Problem.TOO_SHORT);
        assertThat(PasswordPolicy.problem("amina", "é".repeat(37))).contains(PasswordPolicy.Problem.TOO_LONG);
        assertThat(PasswordPolicy.problem("amina", " ".repeat(12))).contains(PasswordPolicy.Problem.BLANK);
        assertThat(PasswordPolicy.problem("amina.rahmani", "Amina.Rahmani")).contains(PasswordPolicy.Problem.USERNAME);
        assertThat(PasswordPolicy.problem("amina", "twelve-chars")).isEmpty();
    }
}
