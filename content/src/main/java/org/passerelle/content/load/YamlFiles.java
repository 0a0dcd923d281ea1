package org.passerelle.content.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads one YAML file safely: size cap, strict UTF-8, plain data types only, no duplicate keys. */
final class YamlFiles {

    /** The largest content file accepted; a topic in eight languages is far below it. */
    static final int MAX_BYTES = 256 * 1024;

    private YamlFiles() {
    }

    /**
     * The parsed document of a file, or empty (with a problem recorded) when it is missing,
     * too large, not UTF-8, malformed or empty.
     */
    static Optional<Object> load(ContentSource source, String path, Problems problems) {
        return load(source, path, problems, true);
    }

    /** Like {@link #load}, but a missing file is not a problem. */
    static Optional<Object> loadIfPresent(ContentSource source, String path, Problems problems) {
        return load(source, path, problems, false);
    }

    private static Optional<Object> load(ContentSource source, String path, Problems problems,
            boolean required) {
        Optional<byte[]> bytes;
        try {
            bytes = source.read(path, MAX_BYTES + 1);
        } catch (IOException e) {
            problems.add(path, "cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (bytes.isEmpty()) {
            if (required) {
                problems.add(path, "missing");
            }
            return Optional.empty();
        }
        if (bytes.get().length > MAX_BYTES) {
            problems.add(path, "larger than " + MAX_BYTES / 1024 + " KiB");
            return Optional.empty();
        }
        return decode(bytes.get(), path, problems).flatMap(text -> parse(text, path, problems));
    }

    private static Optional<String> decode(byte[] bytes, String path, Problems problems) {
        try {
            var text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.add(path, "not valid UTF-8");
            return Optional.empty();
        }
    }

    private static Optional<Object> parse(String text, String path, Problems problems) {
        try {
            Object document = new Yaml(new SafeConstructor(options())).load(text);
            if (document == null) {
                problems.add(path, "empty");
            }
            return Optional.ofNullable(document);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            var where = mark == null ? "document"
                    : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            problems.add(path, where, "malformed YAML: " + Objects.toString(e.getProblem(), "syntax error"));
        } catch (YAMLException e) {
            problems.add(path, "document", "malformed YAML: " + firstLine(e.getMessage()));
        }
        return Optional.empty();
    }

    private static LoaderOptions options() {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_BYTES);
        return options;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
