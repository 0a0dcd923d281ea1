package org.passerelle.content.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Pattern;
import org.passerelle.content.DirectoryEntry;
import org.passerelle.content.Language;

/**
 * Writes the service directory back as the {@code directory.yaml} the loader reads: one entry
 * per key, sorted by key so that a service's entries stay together, with its common value, its
 * values per language, {@code confirmed: false} when it is not confirmed, and its note.
 */
public final class DirectoryWriter {

    static final String HEADER = """
            # Service directory: numbers, addresses and hours that texts refer to as {service:key}.
            # One edit here corrects every language. An entry without a value, or with
            # "confirmed: false", is not shown to a person: she is told to ask a mediator instead.
            """;

    // A key that YAML can only read as text: a letter first and a dot inside, so never a number,
    // a boolean or null.
    private static final Pattern PLAIN_KEY = Pattern.compile("[a-z][a-z0-9_-]*\\.[a-z0-9_.-]+");

    private DirectoryWriter() {
    }

    /** The YAML text of a directory holding these entries. */
    public static String directory(Collection<DirectoryEntry> entries) {
        var out = new StringBuilder(HEADER).append("entries:");
        if (entries.isEmpty()) {
            return out.append(" {}\n").toString();
        }
        out.append('\n');
        entries.stream().sorted(Comparator.comparing(DirectoryEntry::key)).forEach(entry -> entry(out, entry));
        return out.toString();
    }

    private static void entry(StringBuilder out, DirectoryEntry entry) {
        var body = new StringBuilder();
        if (entry.common() != null) {
            body.append("    value: ").append(ContentWriter.quoted(entry.common())).append('\n');
        }
        if (!entry.values().isEmpty()) {
            body.append("    values:\n");
            for (var language : Language.values()) {
                var value = entry.values().get(language);
                if (value != null) {
                    body.append("      ").append(language.code()).append(": ")
                            .append(ContentWriter.quoted(value)).append('\n');
                }
            }
        }
        if (!entry.confirmed()) {
            body.append("    confirmed: false\n");
        }
        if (!entry.note().isEmpty()) {
            body.append("    note: ").append(ContentWriter.quoted(entry.note())).append('\n');
        }
        out.append("  ").append(key(entry.key())).append(':');
        out.append(body.isEmpty() ? " {}\n" : "\n" + body);
    }

    private static String key(String key) {
        return PLAIN_KEY.matcher(key).matches() ? key : ContentWriter.quoted(key);
    }
}
