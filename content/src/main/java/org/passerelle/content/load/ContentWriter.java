package org.passerelle.content.load;

import java.util.List;
import org.passerelle.content.Language;
import org.passerelle.content.Topic;
import org.passerelle.content.TopicText;

/**
 * Writes a topic back in the layout of its file, so that an edited topic is stored as the same
 * kind of text the loader reads: fields in their usual order, full texts as literal blocks where
 * that is lossless, every other string double-quoted.
 */
public final class ContentWriter {

    private ContentWriter() {
    }

    /** The YAML text of a topic file. */
    public static String topic(Topic topic) {
        var out = new StringBuilder();
        out.append("id: ").append(topic.id()).append('\n');
        out.append("kind: ").append(topic.kind().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        out.append("sources:\n");
        topic.sources().forEach(source -> out.append("  - ").append(quoted(source)).append('\n'));
        if (topic.reviewed() != null) {
            out.append("reviewed: ").append(topic.reviewed()).append('\n');
        }
        out.append("next: [").append(String.join(", ", topic.next())).append("]\n");
        out.append("languages:\n");
        for (var language : Language.values()) {
            topic.in(language).ifPresent(text -> language(out, language, text));
        }
        return out.toString();
    }

    private static void language(StringBuilder out, Language language, TopicText text) {
        out.append("  ").append(language.code()).append(":\n");
        out.append("    status: ").append(text.status().yamlName()).append('\n');
        out.append("    title: ").append(quoted(text.title())).append('\n');
        out.append("    text:");
        block(out, text.text(), "      ");
        out.append("    sms: ").append(quoted(text.sms())).append('\n');
        out.append("    phrases:\n");
        text.phrases().forEach(phrase -> out.append("      - ").append(quoted(phrase)).append('\n'));
    }

    /** A literal block when the text survives one unchanged, else a double-quoted scalar. */
    private static void block(StringBuilder out, String text, String indent) {
        var body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (literalSafe(body)) {
            out.append(" |\n");
            for (var line : body.split("\n", -1)) {
                out.append(line.isEmpty() ? "" : indent + line).append('\n');
            }
        } else {
            out.append(' ').append(quoted(text)).append('\n');
        }
    }

    private static boolean literalSafe(String body) {
        if (body.isEmpty() || body.startsWith(" ") || body.startsWith("\n") || body.endsWith("\n")) {
            return false;
        }
        List<String> lines = List.of(body.split("\n", -1));
        for (var line : lines) {
            if (line.endsWith(" ") || line.indexOf('\t') >= 0 || line.indexOf('\r') >= 0 || !printable(line)) {
                return false;
            }
        }
        return true;
    }

    private static boolean printable(String text) {
        return text.codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL
                || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 || cp == 0x85);
    }

    /** A YAML double-quoted scalar: backslash, quote and every control character escaped. */
    static String quoted(String text) {
        var out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (Character.getType(cp) == Character.CONTROL || cp == 0xFEFF || cp == 0x2028
                            || cp == 0x2029 || cp == 0x85) {
                        out.append(String.format("\\u%04X", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
