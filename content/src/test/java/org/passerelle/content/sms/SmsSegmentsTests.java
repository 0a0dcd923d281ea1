package org.passerelle.content.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsSegmentsTests {

    /** The GSM 03.38 basic table as Unicode code points, indexed by GSM code; 0x1B is the escape. */
    private static final int[] BASIC_TABLE = {
        0x0040, 0x00A3, 0x0024, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC,
        0x00F2, 0x00C7, 0x000A, 0x00D8, 0x00F8, 0x000D, 0x00C5, 0x00E5,
        0x0394, 0x005F, 0x03A6, 0x0393, 0x039B, 0x03A9, 0x03A0, 0x03A8,
        0x03A3, 0x0398, 0x039E, 0x001B, 0x00C6, 0x00E6, 0x00DF, 0x00C9,
        0x0020, 0x0021, 0x0022, 0x0023, 0x00A4, 0x0025, 0x0026, 0x0027,
        0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,
        0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
        0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
        0x00A1, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
        0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,
        0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,
        0x0058, 0x0059, 0x005A, 0x00C4, 0x00D6, 0x00D1, 0x00DC, 0x00A7,
        0x00BF, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,
        0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,
        0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,
        0x0078, 0x0079, 0x007A, 0x00E4, 0x00F6, 0x00F1, 0x00FC, 0x00E0,
    };

    private static final int ESCAPE_CODE = 0x1B;

    /** The GSM 03.38 extension table: form feed, ^ { } \ [ ~ ] | and the euro sign. */
    private static final int[] EXTENSION_TABLE = {
        0x000C, 0x005E, 0x007B, 0x007D, 0x005C, 0x005B, 0x007E, 0x005D, 0x007C, 0x20AC,
    };

    @Test
    void everyCharacterOfTheBasicTableIsGsm7AndTakesOneSeptet() {
        assertThat(BASIC_TABLE).hasSize(128);
        for (int code = 0; code < BASIC_TABLE.length; code++) {
            if (code == ESCAPE_CODE) {
                continue;
            }
            var character = Character.toString(BASIC_TABLE[code]);
            var count = SmsSegments.count(character);
            assertThat(SmsSegments.isGsm7(character)).as("GSM code 0x%02X", code).isTrue();
            assertThat(count.encoding()).as("GSM code 0x%02X", code).isEqualTo(SmsEncoding.GSM_7);
            assertThat(count.units()).as("GSM code 0x%02X", code).isEqualTo(1);
        }
    }

    @Test
    void everyCharacterOfTheExtensionTableTakesTwoSeptets() {
        for (int codePoint : EXTENSION_TABLE) {
            var character = Character.toString(codePoint);
            assertThat(SmsSegments.isGsm7(character)).as("U+%04X", codePoint).isTrue();
            assertThat(SmsSegments.count(character).units()).as("U+%04X", codePoint).isEqualTo(2);
        }
    }

    @Test
    void theWholeBasicTableFitsInOneSegment() {
        var all = new StringBuilder();
        for (int code = 0; code < BASIC_TABLE.length; code++) {
            if (code != ESCAPE_CODE) {
                all.appendCodePoint(BASIC_TABLE[code]);
            }
        }
        for (int codePoint : EXTENSION_TABLE) {
            all.appendCodePoint(codePoint);
        }

        assertThat(SmsSegments.count(all.toString())).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 147, 1, 160));
        assertThat(SmsSegments.nonGsm7Characters(all.toString())).isEmpty();
    }

    @Test
    void theEscapeCodeOnItsOwnIsNotACharacterOfTheAlphabet() {
        assertThat(SmsSegments.isGsm7("\u001B")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "á", "í", "ó", "ú", "ç", "ã", "õ", "ê", "â", "ș", "ț", "ă", "î", "ş", "ţ", "è\u0300",
        "’", "‘", "“", "”", "«", "»", "…", "–", "—", "œ", "Œ", "`", "\u00A0", "\u202F", "\t",
        "Ж", "ъ", "ع", "ي", "中", "文", "Α", "😀", "👍🏽", "🇫🇷",
    })
    void aCharacterOutsideTheTableForcesUcs2(String character) {
        var text = "Bonjour " + character;

        assertThat(SmsSegments.isGsm7(text)).isFalse();
        assertThat(SmsSegments.count(text).encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(SmsSegments.nonGsm7Characters(text)).isNotEmpty()
                .allSatisfy(found -> assertThat(character).contains(found));
    }

    @Test
    void listsEachCharacterThatForcesUcs2OnceInTheOrderItAppears() {
        assertThat(SmsSegments.nonGsm7Characters("Bună ziua, știți că în țară…? Ș ț ă"))
                .containsExactly("ă", "ș", "ț", "î", "…", "Ș");
    }

    @Test
    void listsAnEmojiAsOneCharacter() {
        assertThat(SmsSegments.nonGsm7Characters("ok 😀 ok 😀")).containsExactly("😀");
    }

    @Test
    void listsNothingForGsm7Text() {
        assertThat(SmsSegments.nonGsm7Characters("Appelez le 17, le 112 ou envoyez un SMS au 114. 10€ {ok}"))
                .isEmpty();
    }

    @Test
    void anEmptyTextIsOneSegment() {
        assertThat(SmsSegments.count("")).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 0, 1, 160));
    }

    @Test
    void gsm7HoldsOneHundredSixtySeptetsInOneSegment() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 160, 1, 160));
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 161, 2, 153));
    }

    @Test
    void gsm7HoldsOneHundredFiftyThreeSeptetsPerConcatenatedSegment() {
        assertThat(SmsSegments.count("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(459)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("a".repeat(460)).segments()).isEqualTo(4);
    }

    @Test
    void anExtensionCharacterAtTheSingleSegmentLimitCountsTwo() {
        assertThat(SmsSegments.count("a".repeat(158) + "€")).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 160, 1, 160));
        assertThat(SmsSegments.count("a".repeat(159) + "€")).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 161, 2, 153));
    }

    @Test
    void anExtensionCharacterIsNeverSplitAcrossTwoSegments() {
        var split = SmsSegments.count("a".repeat(152) + "[" + "a".repeat(152));
        var aligned = SmsSegments.count("a".repeat(151) + "[" + "a".repeat(153));

        assertThat(split).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 306, 3, 153));
        assertThat(aligned).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 306, 2, 153));
    }

    @Test
    void ucs2HoldsSeventyUnitsInOneSegment() {
        assertThat(SmsSegments.count("ж".repeat(70))).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 70, 1, 70));
        assertThat(SmsSegments.count("ж".repeat(71))).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 71, 2, 67));
    }

    @Test
    void ucs2HoldsSixtySevenUnitsPerConcatenatedSegment() {
        assertThat(SmsSegments.count("ж".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("ж".repeat(135)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("ж".repeat(201)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("ж".repeat(202)).segments()).isEqualTo(4);
    }

    @Test
    void anEmojiTakesTwoUnits() {
        assertThat(SmsSegments.count("😀")).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 2, 1, 70));
        assertThat(SmsSegments.count("ж".repeat(68) + "😀")).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 70, 1, 70));
        assertThat(SmsSegments.count("ж".repeat(69) + "😀")).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 71, 2, 67));
    }

    @Test
    void anEmojiIsNeverSplitAcrossTwoSegments() {
        var split = SmsSegments.count("ж".repeat(66) + "😀" + "ж".repeat(66));
        var aligned = SmsSegments.count("ж".repeat(65) + "😀" + "ж".repeat(67));

        assertThat(split).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 134, 3, 67));
        assertThat(aligned).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 134, 2, 67));
    }

    @Test
    void oneCharacterOutsideTheTableTurnsTheWholeTextToUcs2() {
        var gsm = "Vous avez le droit de porter plainte. ".repeat(4);

        assertThat(SmsSegments.count(gsm)).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 152, 1, 160));
        assertThat(SmsSegments.count(gsm + "’")).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 153, 3, 67));
    }

    @Test
    void extensionCharactersStillCountOneUnitInUcs2() {
        assertThat(SmsSegments.count("€ ж")).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 3, 1, 70));
    }

    @Test
    void refusesANullText() {
        assertThatNullPointerException().isThrownBy(() -> SmsSegments.count(null));
        assertThatNullPointerException().isThrownBy(() -> SmsSegments.isGsm7(null));
        assertThatNullPointerException().isThrownBy(() -> SmsSegments.nonGsm7Characters(null));
    }

    @Test
    void encodingsCarryTheirSegmentSizes() {
        assertThat(List.of(SmsEncoding.GSM_7.single(), SmsEncoding.GSM_7.concatenated(),
                SmsEncoding.UCS_2.single(), SmsEncoding.UCS_2.concatenated())).containsExactly(160, 153, 70, 67);
        assertThat(SmsEncoding.UCS_2.displayName()).isEqualTo("UCS-2");
    }
}
