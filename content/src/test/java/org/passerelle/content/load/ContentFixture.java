package org.passerelle.content.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.ContentInvalidException;
import org.passerelle.content.UiKeys;

/** A small, valid content folder written to disk, which a test then breaks in one place. */
final class ContentFixture {

    private final Path root;

    ContentFixture(Path root) {
        this.root = root;
        write("catalog.yaml", "topics: [alpha, beta]\n");
        write("topics/alpha.yaml", topic("alpha", "information", "[beta, talk_to_human, menu]"));
        write("topics/beta.yaml", topic("beta", "action", "[talk_to_human, menu]"));
        write("ui/fr.yaml", ui("fr"));
        write("ui/en.yaml", ui("en"));
        write("directory.yaml", """
                entries:
                  number.police: { value: "17" }
                  pad18.address: { confirmed: false }
                  bus.schedule: { values: { fr: "le jeudi", en: "on Thursdays" } }
                """);
    }

    /** A topic file with a reference in its French text and fr and en languages. */
    static String topic(String id, String kind, String next) {
        return """
                id: %s
                kind: %s
                sources: ["Code pénal, art. 611-1"]
                reviewed: 2026-11-28
                next: %s
                languages:
                  fr:
                    status: draft
                    title: "Titre"
                    text: |
                      Appelez le {service:number.police}.
                      Adresse : {service:pad18.address}.
                    sms: "Appelez le {service:number.police}."
                    phrases: ["une question", "une autre"]
                  en:
                    status: needs-review
                    title: "Title"
                    text: "Call {service:number.police}."
                    sms: "Call {service:number.police}."
                    phrases: ["a question", "another one"]
                """.formatted(id, kind, next);
    }

    /** Every required UI key, the chat labels written as a nested map. */
    private static String ui(String code) {
        var out = new StringBuilder();
        for (var key : UiKeys.ALL) {
            if (!key.startsWith("chat.")) {
                out.append(key).append(": \"").append(code).append(' ').append(key).append("\"\n");
            }
        }
        out.append("chat:\n  placeholder: \"…\"\n  send: \"").append(code).append(" send\"\n  exit: \"x\"\n");
        return out.toString();
    }

    Path root() {
        return root;
    }

    ContentFixture write(String path, String text) {
        try {
            var file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one passage of a file; the passage must be there. */
    ContentFixture edit(String path, String from, String to) {
        try {
            var text = Files.readString(root.resolve(path));
            assertThat(text).as(path).contains(from);
            return write(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ContentFixture delete(String path) {
        try {
            Files.delete(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ContentCatalog load() {
        return ContentLoader.fromDirectory(root);
    }

    /** The problems reported when loading, which must fail. */
    List<String> problems() {
        var failure = catchThrowableOfType(ContentInvalidException.class, this::load);
        assertThat(failure).as("loading should fail").isNotNull();
        return failure.problems();
    }
}
