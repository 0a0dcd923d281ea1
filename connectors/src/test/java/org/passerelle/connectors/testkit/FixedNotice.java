package org.passerelle.connectors.testkit;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.core.channel.OutageNotice;

/**
 * Stands in for the outage notice: a fixed text with characters that need escaping in XML, and
 * a record of the language hints it was given.
 */
public final class FixedNotice implements OutageNotice {

    /** The text given for every message. */
    public static final String TEXT = "Indisponible <quelques minutes> & en danger : 17, 112, SMS 114";

    private final List<String> hints = new ArrayList<>();

    @Override
    public synchronized String text(String written, String languageHint) {
        hints.add(String.valueOf(languageHint));
        return TEXT;
    }

    /** The language hints given so far, "null" for none. */
    public synchronized List<String> hints() {
        return List.copyOf(hints);
    }
}
