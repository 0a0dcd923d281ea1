package org.passerelle.core.conversation;

import java.util.Objects;
import org.passerelle.content.Language;

/**
 * A booking she is filling in: the time she chose, then the nickname she gave, then the
 * interpreter's language. Kept in her conversation state until she confirms, the nickname sealed
 * in Redis; never shown in a log.
 *
 * @param slotId      the chosen slot
 * @param nickname    what to call her, null when she gave none (or not yet)
 * @param interpreter the language of the appointment, null while not chosen
 */
public record BookingDraft(String slotId, String nickname, Language interpreter) {

    public BookingDraft {
        Objects.requireNonNull(slotId, "slotId");
    }

    /** A draft for a time just chosen. */
    static BookingDraft of(String slotId) {
        return new BookingDraft(slotId, null, null);
    }

    BookingDraft named(String newNickname) {
        return new BookingDraft(slotId, newNickname, interpreter);
    }

    BookingDraft interpreted(Language language) {
        return new BookingDraft(slotId, nickname, language);
    }

    /** Whether this draft is for that slot (typed in any case). */
    boolean isFor(String otherSlotId) {
        return slotId.equalsIgnoreCase(otherSlotId);
    }

    @Override
    public String toString() {
        return "BookingDraft[slotId=" + slotId + ", nickname=" + (nickname == null ? "none" : "given")
                + ", interpreter=" + interpreter + "]";
    }
}
