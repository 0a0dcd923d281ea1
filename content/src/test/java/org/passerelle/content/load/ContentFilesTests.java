package org.passerelle.content.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.content.Language;
import org.passerelle.content.UiKeys;

/** UI strings, the service directory and the YAML files themselves: what is read, what is refused. */
class ContentFilesTests {

    @TempDir
    Path root;

    private ContentFixture content;

    @BeforeEach
    void writeValidContent() {
        content = new ContentFixture(root);
    }

    @Test
    void flattensNestedUiStringsIntoDottedKeys() {
        var catalog = content.load();

        assertThat(catalog.ui(Language.EN, UiKeys.CHAT_SEND)).isEqualTo("en send");
        assertThat(catalog.ui(Language.FR, UiKeys.WELCOME)).isEqualTo("fr welcome");
        assertThat(catalog.languages()).containsExactly(Language.FR, Language.EN);
    }

    @Test
    void readsDirectoryEntriesConfirmedOnlyWhenTheyHaveAValue() {
        var catalog = content.load();

        assertThat(catalog.directoryEntry("number.police").orElseThrow().confirmed()).isTrue();
        assertThat(catalog.directoryEntry("pad18.address").orElseThrow().confirmed()).isFalse();
        assertThat(catalog.directoryEntry("bus.schedule").flatMap(e -> e.value(Language.EN))).contains("on Thursdays");
        assertThat(catalog.resolve("{service:pad18.address}", Language.EN)).isEqualTo("en directory.unconfirmed");
    }

    @Test
    void reportsMalformedYamlWithItsPlaceAndNoStackTrace() {
        content.write("topics/alpha.yaml", "id: alpha\nkind: [information\nsources: x\n");

        var problems = content.problems();

        assertThat(problems).singleElement().asString()
                .startsWith("topics/alpha.yaml: line ")
                .contains("malformed YAML")
                .doesNotContain("org.yaml", "\n");
    }

    @Test
    void reportsADuplicateKey() {
        content.edit("topics/alpha.yaml", "kind: information", "kind: information\nkind: action");

        assertThat(content.problems()).singleElement().asString()
                .startsWith("topics/alpha.yaml: line ").contains("duplicate key");
    }

    @Test
    void refusesTagsThatWouldBuildJavaObjects() {
        content.write("topics/alpha.yaml", "id: !!java.io.File [\"/tmp\"]\n");

        assertThat(content.problems()).singleElement().asString()
                .startsWith("topics/alpha.yaml: line ").contains("malformed YAML");
    }

    @Test
    void reportsAFileThatIsNotAMapping() {
        content.write("topics/alpha.yaml", "- just\n- a list\n");

        assertThat(content.problems()).containsExactly("topics/alpha.yaml: document: must be a mapping of fields");
    }

    @Test
    void refusesAFileLargerThanTheCap() {
        content.write("topics/alpha.yaml", "# " + "x".repeat(YamlFiles.MAX_BYTES) + "\n");

        assertThat(content.problems()).containsExactly("topics/alpha.yaml: larger than 256 KiB");
    }

    @Test
    void refusesAFileThatIsNotUtf8() throws Exception {
        Files.write(root.resolve("ui/en.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        assertThat(content.problems()).containsExactly("ui/en.yaml: not valid UTF-8");
    }

    @Test
    void reportsAUiFileOfALanguageThatIsNotSpoken() {
        content.write("ui/de.yaml", "welcome: \"Hallo\"\n");

        assertThat(content.problems()).singleElement().asString()
                .startsWith("ui/de.yaml: unknown language 'de'");
    }

    @Test
    void reportsARequiredUiKeyMissingInFrench() {
        content.edit("ui/fr.yaml", "menu.hint: \"fr menu.hint\"\n", "");

        assertThat(content.problems()).containsExactly("ui/fr.yaml: menu.hint: missing");
    }

    @Test
    void acceptsATranslationThatLacksSomeKeysButDoesNotOfferIt() {
        content.edit("ui/en.yaml", "menu.hint: \"en menu.hint\"\n", "");

        var catalog = content.load();

        assertThat(catalog.languages()).containsExactly(Language.FR);
        assertThat(catalog.ui(Language.EN, UiKeys.MENU_HINT)).isEqualTo("fr menu.hint");
    }

    @Test
    void reportsATranslatedKeyThatFrenchDoesNotHave() {
        content.write("ui/en.yaml", "menu.hnit: \"Write 0\"\n");

        assertThat(content.problems()).containsExactly("ui/en.yaml: menu.hnit: unknown key (not in ui/fr.yaml)");
    }

    @Test
    void reportsAUiStringThatIsNotText() {
        content.edit("ui/fr.yaml", "chat:\n  placeholder: \"…\"", "chat:\n  placeholder: 12");

        assertThat(content.problems()).containsExactly(
                "ui/fr.yaml: chat.placeholder: must be text (put it in quotes)");
    }

    @Test
    void reportsAReferenceInAUiStringToAnUnknownKey() {
        content.edit("ui/fr.yaml", "welcome: \"fr welcome\"", "welcome: \"{service:nowhere}\"");

        assertThat(content.problems()).singleElement().asString()
                .startsWith("ui/fr.yaml: welcome: unknown directory reference {service:nowhere}");
    }

    @Test
    void reportsAnUnquotedNumberInTheDirectory() {
        content.edit("directory.yaml", "{ value: \"17\" }", "{ value: 17 }");

        assertThat(content.problems()).contains(
                "directory.yaml: entries.number.police.value: must be text (put it in quotes)");
    }

    @Test
    void reportsAConfirmedEntryWithoutAValue() {
        content.edit("directory.yaml", "{ confirmed: false }", "{ confirmed: true }");

        assertThat(content.problems()).containsExactly(
                "directory.yaml: entries.pad18.address.confirmed: true but the entry has no value");
    }

    @Test
    void reportsAnUnknownFieldInADirectoryEntry() {
        content.edit("directory.yaml", "{ confirmed: false }", "{ confirmed: false, remark: \"later\" }");

        assertThat(content.problems()).containsExactly("directory.yaml: entries.pad18.address.remark: unknown field");
    }

    @Test
    void reportsAMissingCatalog() {
        content.delete("catalog.yaml");

        assertThat(content.problems()).contains("catalog.yaml: missing");
    }
}
