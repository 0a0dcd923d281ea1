package org.passerelle.admin.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.handoff.HandoffState;
import org.passerelle.core.handoff.Priority;
import org.passerelle.core.handoff.TranscriptEntry;

/** Every text of the staff pages exists in French and in English, and every key a page uses is there. */
class InboxMessagesTests {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
    private static final String[] TEMPLATES = {"inbox/layout", "inbox/index", "inbox/conversation",
            "inbox/fragments", "login"};

    private static Properties load(String name) {
        var properties = new Properties();
        try (var in = InboxMessagesTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String template(String name) {
        try (var in = InboxMessagesTests.class.getResourceAsStream("/templates/" + name + ".html")) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void frenchAndEnglishHaveTheSameKeysAndNoEmptyText() {
        var french = load("messages_fr.properties");
        var english = load("messages_en.properties");
        assertThat(english.stringPropertyNames()).isEqualTo(french.stringPropertyNames());
        for (var properties : new Properties[] {french, english}) {
            properties.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
        }
    }

    @Test
    void everyKeyThePagesNameExists() {
        var known = load("messages_fr.properties").stringPropertyNames();
        var used = new TreeSet<String>();
        for (var name : TEMPLATES) {
            var matcher = LITERAL_KEY.matcher(template(name));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    @Test
    void everyPriorityStateChannelAndAuthorHasItsLabel() {
        var known = load("messages_fr.properties").stringPropertyNames();
        var needed = new TreeSet<String>();
        Arrays.stream(Priority.values()).forEach(p -> needed.add("inbox.priority." + p.name()));
        Arrays.stream(HandoffState.values()).forEach(s -> needed.add("inbox.state." + s.name()));
        Arrays.stream(Channel.values()).forEach(c -> needed.add("inbox.channel." + c.id()));
        Arrays.stream(TranscriptEntry.Author.values())
                .forEach(a -> needed.add("inbox.author." + a.name().toLowerCase(Locale.ROOT)));
        assertThat(known).containsAll(needed);
    }

    @Test
    void thePagesHoldNoFrenchOfTheirOwn() {
        Set<String> frenchWords = Set.of("Envoyer", "Conversation close", "attente", "Médiatrice", "Rendre");
        for (var name : TEMPLATES) {
            // Only what Thymeleaf replaces may be written in the markup, as a placeholder.
            var visible = template(name).lines()
                    .filter(line -> !line.contains("th:text") && !line.contains("th:placeholder"))
                    .collect(Collectors.joining("\n"));
            frenchWords.forEach(word -> assertThat(visible).as(name).doesNotContain(word));
        }
    }
}
