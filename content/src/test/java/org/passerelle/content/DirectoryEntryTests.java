package org.passerelle.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryEntryTests {

    @Test
    void givesTheCommonValueInEveryLanguage() {
        var police = new DirectoryEntry("number.police", "17", Map.of(), true);

        assertThat(police.value(Language.FR)).contains("17");
        assertThat(police.value(Language.ZH)).contains("17");
    }

    @Test
    void prefersTheValueWrittenForTheLanguage() {
        var hours = new DirectoryEntry("bus.schedule", null,
                Map.of(Language.FR, "le jeudi soir", Language.EN, "Thursday evenings"), true);

        assertThat(hours.value(Language.EN)).contains("Thursday evenings");
    }

    @Test
    void fallsBackToFrenchThenToTheCommonValue() {
        var hours = new DirectoryEntry("bus.schedule", null, Map.of(Language.FR, "le jeudi soir"), true);
        var mixed = new DirectoryEntry("pad18.phone", "01 00 00 00 00", Map.of(Language.EN, "ask for Ana"), true);

        assertThat(hours.value(Language.RO)).contains("le jeudi soir");
        assertThat(mixed.value(Language.BG)).contains("01 00 00 00 00");
    }

    @Test
    void givesNothingWhileUnconfirmed() {
        var address = new DirectoryEntry("pad18.address", "somewhere", Map.of(Language.FR, "quelque part"), false);

        assertThat(address.value(Language.FR)).isEmpty();
        assertThat(address.value(Language.EN)).isEmpty();
    }

    @Test
    void givesNothingWhenThereIsNoValueAtAll() {
        var empty = new DirectoryEntry("group.schedule", null, Map.of(), true);

        assertThat(empty.value(Language.FR)).isEmpty();
    }
}
