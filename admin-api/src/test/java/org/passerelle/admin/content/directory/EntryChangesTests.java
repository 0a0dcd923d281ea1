package org.passerelle.admin.content.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;
import org.passerelle.core.content.DirectoryEntryException;

class EntryChangesTests {

    private static final DirectoryEntry HOURS = new DirectoryEntry("pad18.hours", null,
            Map.of(Language.FR, "le mardi", Language.AR, "الثلاثاء"), false, "à confirmer");

    private static DirectoryApi.EntryRequest request(String value, Map<String, String> values, Boolean confirmed,
            String note) {
        return new DirectoryApi.EntryRequest(value, values, confirmed, note, null);
    }

    @Test
    void keepsTheFieldsARequestLeavesOut() {
        var changed = EntryChanges.apply(HOURS, request(null, null, null, "confirmé par téléphone"));

        assertThat(changed).isEqualTo(new DirectoryEntry("pad18.hours", null, HOURS.values(), false,
                "confirmé par téléphone"));
    }

    @Test
    void confirmsAValueGivenUnlessTheRequestSaysOtherwise() {
        assertThat(EntryChanges.apply(HOURS, request(" 14 h - 17 h ", null, null, null)))
                .satisfies(e -> {
                    assertThat(e.common()).isEqualTo("14 h - 17 h");
                    assertThat(e.confirmed()).isTrue();
                });
        assertThat(EntryChanges.apply(HOURS, request("14 h - 17 h", null, false, null)).confirmed()).isFalse();
    }

    @Test
    void replacesTheValuesPerLanguageDroppingEmptyOnesAndClearsAnEmptyCommonValue() {
        var base = new DirectoryEntry("pad18.hours", "mardi", HOURS.values(), true, "");
        var changed = EntryChanges.apply(base, request("", Map.of("fr", "le jeudi", "zh", " "), null, null));

        assertThat(changed.common()).isNull();
        assertThat(changed.values()).containsExactly(Map.entry(Language.FR, "le jeudi"));
    }

    @Test
    void refusesALanguagePasserelleDoesNotSpeak() {
        assertThatThrownBy(() -> EntryChanges.apply(HOURS, request(null, Map.of("de", "Dienstag", "FR", "x"), null, null)))
                .isInstanceOfSatisfying(DirectoryEntryException.class, e -> assertThat(e.problems())
                        .extracting(DirectoryEntryException.Problem::field)
                        .containsExactlyInAnyOrder("values.de", "values.FR"));
    }
}
