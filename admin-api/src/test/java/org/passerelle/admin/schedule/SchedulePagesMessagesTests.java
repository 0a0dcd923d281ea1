package org.passerelle.admin.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key the schedule pages and their controllers name is written in French and in English. */
class SchedulePagesMessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
    private static final Pattern JAVA_KEY = Pattern.compile("\"(admin\\.schedules\\.[\\w.]+)\"");
    private static final String[] TEMPLATES = {"index", "service", "week", "missing", "fragments"};

    private static Properties load(String name) {
        var properties = new Properties();
        try (var in = SchedulePagesMessagesTests.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String resource(String path) {
        try (var in = SchedulePagesMessagesTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sources() {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/passerelle/admin/schedule"))) {
            var all = new StringBuilder();
            for (var file : files.toList()) {
                all.append(Files.readString(file));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyKeyOfTheTemplatesAndControllersIsInBothLanguages() {
        var used = new TreeSet<String>();
        for (var name : TEMPLATES) {
            var matcher = TEMPLATE_KEY.matcher(resource("/templates/admin/schedules/" + name + ".html"));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        var matcher = JAVA_KEY.matcher(sources());
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(load("messages_fr.properties").stringPropertyNames()).containsAll(used);
        assertThat(load("messages_en.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void theScheduleTextsWithArgumentsUseNoStraightApostrophe() {
        // With arguments a straight apostrophe starts a quoted section and swallows the rest of the text.
        for (var file : new String[] {"messages_fr.properties", "messages_en.properties"}) {
            load(file).forEach((key, value) -> {
                if (key.toString().startsWith("admin.schedules.") && value.toString().contains("{0")) {
                    assertThat(value.toString()).as(key.toString()).doesNotContain("'");
                }
            });
        }
    }
}
