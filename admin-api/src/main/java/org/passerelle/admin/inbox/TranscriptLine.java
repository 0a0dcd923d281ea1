package org.passerelle.admin.inbox;

import java.time.format.DateTimeFormatter;
import org.passerelle.core.handoff.TranscriptEntry;

/**
 * One transcript line as the page shows it.
 *
 * @param author PERSON, BOT or MEDIATOR, lower case for the style
 * @param text   the words, shown as text, never as markup
 * @param clock  when, on the Paris clock
 */
record TranscriptLine(String author, String text, String clock) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    static TranscriptLine of(TranscriptEntry entry) {
        var at = entry.at() == null ? "" : CLOCK.format(entry.at().atZone(InboxRow.PARIS));
        return new TranscriptLine(entry.author().name().toLowerCase(java.util.Locale.ROOT), entry.text(), at);
    }
}
