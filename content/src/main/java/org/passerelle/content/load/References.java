package org.passerelle.content.load;

import java.util.Set;
import org.passerelle.content.ContentCatalog;

/** Checks the directory references ({@code {service:key}}) written in a text. */
final class References {

    private static final String OPENING = "{service:";

    private References() {
    }

    /** Records a problem for each reference to a key not in the directory, or not well formed. */
    static void check(String text, Set<String> directoryKeys, Fields owner, String key) {
        var matcher = ContentCatalog.REFERENCE.matcher(text);
        int wellFormed = 0;
        while (matcher.find()) {
            wellFormed++;
            if (!directoryKeys.contains(matcher.group(1))) {
                owner.problem(key, "unknown directory reference " + matcher.group()
                        + " (not in directory.yaml)");
            }
        }
        int written = count(text);
        if (written > wellFormed) {
            owner.problem(key, "malformed directory reference (write {service:key} with a lower-case key)");
        }
    }

    private static int count(String text) {
        int count = 0;
        for (int at = text.indexOf(OPENING); at >= 0; at = text.indexOf(OPENING, at + 1)) {
            count++;
        }
        return count;
    }
}
