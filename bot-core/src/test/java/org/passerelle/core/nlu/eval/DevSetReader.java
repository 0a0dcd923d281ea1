package org.passerelle.core.nlu.eval;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.passerelle.content.Language;

/**
 * Reads a development set: UTF-8, tab-separated, a header line {@code lang intent text}, then
 * one message per line. Blank lines and lines starting with {@code #} are skipped; a line
 * {@code # batch: NAME} puts the rows after it in the batch NAME (before any, in
 * {@link #FIRST_BATCH}), so that rows written at different times can be scored apart. The
 * text keeps any further tab.
 */
final class DevSetReader {

    static final String HEADER = "lang\tintent\ttext";
    static final String FIRST_BATCH = "first";
    private static final String BATCH_MARK = "# batch:";

    private DevSetReader() {
    }

    /**
     * The rows of a file, each intent checked against the known ids.
     *
     * @throws BadDevSetException naming the line of the first problem
     */
    static List<LabelledMessage> read(Path file, Set<String> intents) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BadDevSetException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new BadDevSetException("cannot read " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty() || !HEADER.equals(strip(lines.get(0)))) {
            throw BadDevSetException.atLine(1, "the header must be lang<TAB>intent<TAB>text");
        }
        var rows = new ArrayList<LabelledMessage>();
        var batch = FIRST_BATCH;
        for (int i = 1; i < lines.size(); i++) {
            var line = strip(lines.get(i));
            if (line.startsWith(BATCH_MARK) && !line.substring(BATCH_MARK.length()).isBlank()) {
                batch = line.substring(BATCH_MARK.length()).trim();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(parse(i + 1, line, intents, batch));
            }
        }
        if (rows.isEmpty()) {
            throw new BadDevSetException(file + " has no rows after its header");
        }
        return List.copyOf(rows);
    }

    private static LabelledMessage parse(int number, String line, Set<String> intents, String batch) {
        var columns = line.split("\t", 3);
        if (columns.length < 3) {
            throw BadDevSetException.atLine(number, "expected 3 tab-separated columns, found " + columns.length);
        }
        var language = Language.fromCode(columns[0])
                .orElseThrow(() -> BadDevSetException.atLine(number, "unknown language code '" + columns[0] + "'"));
        var intent = columns[1].trim();
        if (!intents.contains(intent)) {
            throw BadDevSetException.atLine(number, "unknown intent '" + intent + "'");
        }
        var text = columns[2].trim();
        if (text.isEmpty()) {
            throw BadDevSetException.atLine(number, "empty text");
        }
        return new LabelledMessage(number, language, intent, text, batch);
    }

    // A byte-order mark or a Windows line end must not change the first column.
    private static String strip(String line) {
        var withoutMark = line.startsWith("\uFEFF") ? line.substring(1) : line;
        return withoutMark.endsWith("\r") ? withoutMark.substring(0, withoutMark.length() - 1) : withoutMark;
    }
}
