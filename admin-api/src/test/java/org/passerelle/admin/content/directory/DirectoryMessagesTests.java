package org.passerelle.admin.content.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.passerelle.core.content.DirectoryEntryException.Reason;

/** Every text the directory page shows exists in French and in English. */
class DirectoryMessagesTests {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");

    private static Properties load(String name) {
        var properties = new Properties();
        try (var in = DirectoryMessagesTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String template() {
        try (var in = DirectoryMessagesTests.class.getResourceAsStream("/templates/admin/content/directory.html")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyKeyThePageAndItsControllerNameIsInFrenchAndEnglish() {
        var needed = new TreeSet<String>();
        var matcher = LITERAL_KEY.matcher(template());
        while (matcher.find()) {
            needed.add(matcher.group(1));
        }
        Arrays.stream(Reason.values())
                .forEach(r -> needed.add("directory.problem." + r.name().toLowerCase(Locale.ROOT)));
        for (var status : new String[] {"ok", "missing", "draft", "stale"}) {
            needed.add("directory.status." + status);
        }
        needed.addAll(java.util.List.of("directory.problem.taken", "directory.notice.saved",
                "directory.notice.discarded", "directory.notice.noDraft", "directory.notice.removal",
                "directory.notice.published", "directory.publish.noteRequired", "directory.publish.conflict"));
        assertThat(needed).contains("directory.title", "directory.save");
        assertThat(load("messages_fr.properties").stringPropertyNames()).containsAll(needed);
        assertThat(load("messages_en.properties").stringPropertyNames()).containsAll(needed);
    }

    @Test
    void namesEveryShippedServiceGroup() {
        var french = load("messages_fr.properties").stringPropertyNames();
        for (var group : new String[] {"number", "pad18", "bus", "group"}) {
            assertThat(french).contains("directory.group." + group);
        }
    }
}
