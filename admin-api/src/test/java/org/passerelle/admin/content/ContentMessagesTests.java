package org.passerelle.admin.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every text the content pages name, literally or by a computed key, exists in French and in English. */
class ContentMessagesTests {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
    private static final Pattern SOURCE_KEY = Pattern.compile("\"(content\\.[a-zA-Z.]+)\"");
    private static final List<String> TEMPLATES = List.of("index", "edit", "publish", "history", "version");
    private static final List<String> SOURCES = List.of("ContentEditController", "ContentPublishController",
            "ContentHistoryController", "DraftCheck");

    private static Properties messages(String language) {
        var properties = new Properties();
        try (var in = ContentMessagesTests.class.getResourceAsStream("/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(String resource) {
        try (var in = ContentMessagesTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String source(String name) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/org/passerelle/admin/content",
                    name + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyKeyThePagesAndControllersNameExistsInBothLanguages() {
        var used = new TreeSet<String>();
        TEMPLATES.forEach(name -> LITERAL_KEY.matcher(read("/templates/admin/content/" + name + ".html")).results()
                .forEach(m -> used.add(m.group(1))));
        SOURCES.forEach(name -> SOURCE_KEY.matcher(source(name)).results().forEach(m -> used.add(m.group(1))));
        assertThat(used).contains("content.title", "content.error.smsSegments", "content.rollback.conflict");
        assertThat(messages("fr").stringPropertyNames()).containsAll(used);
        assertThat(messages("en").stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyComputedKeyHasItsText() {
        var needed = new TreeSet<String>();
        List.of("ok", "needs-review", "draft", "stale", "missing").forEach(s -> needed.add("content.status." + s));
        for (var filter : ContentGridController.Filter.values()) {
            needed.add("content.filter." + filter.value());
        }
        List.of("seed", "publish", "rollback").forEach(kind -> needed.add("content.kind." + kind));
        assertThat(messages("fr").stringPropertyNames()).containsAll(needed);
        assertThat(messages("en").stringPropertyNames()).containsAll(needed);
    }
}
