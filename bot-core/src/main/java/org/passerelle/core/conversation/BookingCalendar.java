package org.passerelle.core.conversation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.content.ContentCatalog;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Slot;
import org.passerelle.core.conversation.BookingKeys.Pick;

/**
 * The day and time steps, the same for a new booking and for moving one: the next days with a
 * free place, five at a time with "later days", then the free times of the chosen day, five at
 * a time with "later times". A day that filled up since it was shown gets an apology and the
 * next free days, never an error.
 */
final class BookingCalendar {

    static final int PAGE = 5;

    private final ContentCatalog catalog;
    private final Appointments appointments;
    private final Menus menus;

    BookingCalendar(ContentCatalog catalog, Appointments appointments, Menus menus) {
        this.catalog = catalog;
        this.appointments = appointments;
        this.menus = menus;
    }

    /**
     * The next free days after {@code after} (null: from today); from today again when none is
     * left after it; the no-free-time answer when there is none at all.
     */
    Outcome days(ConversationState state, Pick pick, LocalDate after, String before) {
        var days = appointments.freeDays(pick.serviceId(), after, PAGE + 1, pick.currentSlotId());
        if (days.isEmpty() && after != null) {
            days = appointments.freeDays(pick.serviceId(), null, PAGE + 1, pick.currentSlotId());
        }
        var language = state.languageOrSource();
        if (days.isEmpty()) {
            var keys = List.of(Menus.HUMAN, Menus.MENU);
            return menus.ask(state, joined(before, catalog.ui(language, "booking.no_slot")), keys);
        }
        var keys = new ArrayList<String>(PAGE + 2);
        days.stream().limit(PAGE).forEach(day -> keys.add(pick.day(day)));
        if (days.size() > PAGE) {
            keys.add(pick.laterDays(days.get(PAGE - 1)));
        }
        keys.add(Menus.MENU);
        return menus.ask(state, joined(before, catalog.ui(language, "booking.day")), keys);
    }

    /**
     * The free times of a day, after the slot {@code afterSlotId} when she asked for later ones
     * (null: from the first). A day with no free time left gets the apology and the next days.
     */
    Outcome times(ConversationState state, Pick pick, LocalDate day, String afterSlotId, String before) {
        var language = state.languageOrSource();
        var free = appointments.freeSlotsOn(pick.serviceId(), day, pick.currentSlotId());
        if (free.isEmpty()) {
            return days(state, pick, null, catalog.ui(language, "booking.day_full"));
        }
        var after = afterSlotId == null ? null : Slot.startOf(afterSlotId).orElse(null);
        var later = after == null ? free
                : free.stream().filter(slot -> slot.start().isAfter(after)).toList();
        var shown = later.isEmpty() ? free : later;
        var keys = new ArrayList<String>(PAGE + 2);
        shown.stream().limit(PAGE).forEach(slot -> keys.add(pick.slot(slot.id())));
        if (shown.size() > PAGE) {
            keys.add(pick.laterTimes(shown.get(PAGE - 1).id()));
        }
        keys.add(Menus.MENU);
        var text = BookingLabels.day(day, language) + "\n" + catalog.ui(language, "booking.slot");
        return menus.ask(state, joined(before, text), keys);
    }

    private static String joined(String before, String text) {
        return before == null ? text : before + "\n\n" + text;
    }
}
