package org.passerelle.admin.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.passerelle.core.handoff.InboxItem;

/**
 * One conversation as a page shows it: a short pseudonym, its channel and language, why and for
 * how long it waits, and who holds it. Never an address.
 *
 * @param item     the desk's view
 * @param waited   how long since she asked, at the time the page was drawn
 * @param holder   the display name of the mediator who holds it, null while it waits
 * @param mine     whether the caller holds it
 */
record InboxRow(InboxItem item, Duration waited, String holder, boolean mine) {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    static InboxRow of(InboxItem item, Instant now, InboxStaff staff, String caller) {
        var waited = item.requestedAt() == null ? Duration.ZERO : Duration.between(item.requestedAt(), now);
        var holder = item.mediatorId() == null ? null : staff.displayName(item.mediatorId());
        return new InboxRow(item, waited.isNegative() ? Duration.ZERO : waited, holder,
                caller.equals(item.mediatorId()));
    }

    public String id() {
        return item.conversationId();
    }

    /** The first characters of the pseudonym, enough to tell conversations apart by eye. */
    public String shortId() {
        var id = item.conversationId();
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    public String priority() {
        return item.priority().name();
    }

    public String state() {
        return item.state().name();
    }

    public String language() {
        return item.language().code();
    }

    public String languageName() {
        return item.language().nativeName();
    }

    public String channel() {
        return item.channel().id();
    }

    public boolean waiting() {
        return item.mediatorId() == null;
    }

    public long waitedMinutes() {
        return waited.toMinutes();
    }

    public long waitedHours() {
        return waited.toHours();
    }

    public long waitedMinutesOfHour() {
        return waited.toMinutesPart();
    }

    /** When she asked, on the Paris clock. */
    public String requestedClock() {
        return item.requestedAt() == null ? "" : CLOCK.format(item.requestedAt().atZone(PARIS));
    }
}
