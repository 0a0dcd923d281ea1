package org.passerelle.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.core.privacy.AddressSealer;

class NicknamesTests {

    @Test
    void keepsANicknameTrimmedWithItsInnerSpacesMadePlain() {
        assertThat(Nicknames.clean("  Mimi  ")).contains("Mimi");
        assertThat(Nicknames.clean("Marie\u00A0  Claire")).contains("Marie Claire");
        assertThat(Nicknames.clean("小红")).contains("小红");
        assertThat(Nicknames.clean("Лили")).contains("Лили");
        assertThat(Nicknames.clean("🌸")).contains("🌸");
        assertThat(Nicknames.clean("Mimi 2")).contains("Mimi 2");
    }

    @Test
    void takesOutZeroWidthAndDirectionCharacters() {
        assertThat(Nicknames.clean("Mi\u200Bmi\u200D")).contains("Mimi");
        assertThat(Nicknames.clean("\u202Eimim\u202C")).contains("imim");
        assertThat(Nicknames.clean("\u2066Nour\u2069\u200F")).contains("Nour");
        assertThat(Nicknames.clean("\uFEFF\u200B")).isEmpty();
    }

    @Test
    void refusesControlCharactersAndInvisibleLetters() {
        assertThat(Nicknames.clean("Mimi\nrue X")).isEmpty();
        assertThat(Nicknames.clean("Mi\u0007mi")).isEmpty();
        assertThat(Nicknames.clean("\u3164")).isEmpty();
        assertThat(Nicknames.clean("Mi\uE000")).isEmpty();
    }

    @Test
    void refusesOnlyDigitsPunctuationOrSpaces() {
        assertThat(Nicknames.clean("0612345678")).isEmpty();
        assertThat(Nicknames.clean("...!?")).isEmpty();
        assertThat(Nicknames.clean("12-34")).isEmpty();
        assertThat(Nicknames.clean("   ")).isEmpty();
        assertThat(Nicknames.clean(null)).isEmpty();
    }

    @Test
    void allowsThirtyCharactersAndNoMore() {
        assertThat(Nicknames.clean("a".repeat(30))).contains("a".repeat(30));
        assertThat(Nicknames.clean("a".repeat(31))).isEmpty();
        // Characters, not UTF-16 units: thirty flowers fit.
        assertThat(Nicknames.clean("🌸".repeat(30))).isPresent();
    }

    @Test
    void sealsSoThatOnlyTheSameKeyOpens() {
        var sealed = TestNicknames.NICKNAMES.seal("Mimi");
        assertThat(sealed).doesNotContain("Mimi").startsWith("k:s0:");
        assertThat(TestNicknames.NICKNAMES.open(sealed)).contains("Mimi");
        var other = new Nicknames(AddressSealer.forTexts("another secret, also thirty-two bytes long".getBytes()));
        assertThat(other.open(sealed)).isEmpty();
        assertThat(TestNicknames.NICKNAMES.open("Mimi")).isEmpty();
    }
}
