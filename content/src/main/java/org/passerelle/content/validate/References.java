package org.passerelle.content.validate;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.content.ContentCatalog;

/** What is wrong with the directory references ({@code {service:key}}) written in one text. */
final class References {

    private static final String OPENING = "{service:";

    private References() {
    }

    /** One message per reference to a key missing from the directory, and one if any is malformed. */
    static List<String> problems(String text, ContentCatalog catalog) {
        var problems = new ArrayList<String>();
        var matcher = ContentCatalog.REFERENCE.matcher(text);
        int wellFormed = 0;
        while (matcher.find()) {
            wellFormed++;
            if (catalog.directoryEntry(matcher.group(1)).isEmpty()) {
                problems.add("unknown reference " + matcher.group() + " (not in the directory)");
            }
        }
        if (openings(text) > wellFormed) {
            problems.add("malformed reference (write {service:key} with a lower-case key)");
        }
        return problems;
    }

    private static int openings(String text) {
        int count = 0;
        for (int at = text.indexOf(OPENING); at >= 0; at = text.indexOf(OPENING, at + OPENING.length())) {
            count++;
        }
        return count;
    }
}
