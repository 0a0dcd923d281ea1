package org.passerelle.content.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;

class DirectoryWriterTests {

    private static Map<String, DirectoryEntry> readBack(String yaml) {
        var files = new HashMap<>(ContentLoader.shippedFiles());
        files.put("directory.yaml", yaml);
        return ContentLoader.fromFiles(files).directory();
    }

    @Test
    void writesTheShippedDirectorySoThatItReadsBackTheSame() {
        var shipped = ContentLoader.fromClasspath().directory();

        assertThat(readBack(DirectoryWriter.directory(shipped.values()))).isEqualTo(shipped);
    }

    @Test
    void keepsValuesPerLanguageNotesAndOddTextsExactly() {
        var shipped = new HashMap<>(ContentLoader.fromClasspath().directory());
        var hours = new DirectoryEntry("pad18.hours", null, Map.of(Language.FR, "le mardi, 14 h – 17 h",
                Language.AR, "الثلاثاء", Language.ZH, "周二 \"下午\""), true, "note: with # and \\ inside");
        var phone = new DirectoryEntry("pad18.phone", "+33 1 53 41 86 60", Map.of(), true, "");
        shipped.put(hours.key(), hours);
        shipped.put(phone.key(), phone);

        var read = readBack(DirectoryWriter.directory(shipped.values()));

        assertThat(read.get("pad18.hours")).isEqualTo(hours);
        assertThat(read.get("pad18.phone")).isEqualTo(phone);
        assertThat(read).isEqualTo(shipped);
    }

    @Test
    void quotesAKeyThatYamlWouldReadAsSomethingElse() {
        var yaml = DirectoryWriter.directory(List.of(new DirectoryEntry("null", "1", Map.of(), true),
                new DirectoryEntry("number.police", "17", Map.of(), true)));

        assertThat(yaml).contains("  \"null\":\n", "  number.police:\n");
    }
}
