package org.passerelle.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.Booking;
import org.passerelle.core.booking.BookingDetails;
import org.passerelle.core.booking.BookingFailure;
import org.passerelle.core.booking.BookingResult;
import org.passerelle.core.booking.ReminderRoute;
import org.passerelle.core.booking.Slot;
import org.passerelle.core.conversation.BookingKeys.Pick;
import org.passerelle.core.stats.Metric;
import org.passerelle.core.stats.Tally;

/**
 * Booking in the chat: the service, then a day with a free place, then a free time of that
 * day, then a nickname and the interpreter's language ({@link BookingQuestions}), then a
 * confirmation, then a short code with the place and the time; her appointments,
 * each with a way to move it (through the same day and time steps) or cancel it. A time or a
 * day that fills before she confirms gets an apology and what is still free.
 */
final class BookingTurns {

    static final String KEEP = BookingKeys.KEEP;
    static final String CANCEL = BookingKeys.CANCEL;
    static final String MINE = BookingKeys.MINE;

    private final ContentCatalog catalog;
    private final Appointments appointments;
    private final String conversationId;
    private final String address;
    private final Turns turns;
    private final Menus menus;
    private final BookingLabels labels;
    private final BookingCalendar calendar;
    private final BookingQuestions questions;
    private final Tally tally;

    /** @param tally where the bookings made and cancelled in this turn are counted */
    BookingTurns(ContentCatalog catalog, Appointments appointments, String conversationId, String address,
            Turns turns, Menus menus, Tally tally) {
        this.catalog = catalog;
        this.appointments = appointments;
        this.conversationId = conversationId;
        this.address = address;
        this.turns = turns;
        this.menus = menus;
        this.labels = new BookingLabels(catalog);
        this.calendar = new BookingCalendar(catalog, appointments, menus);
        this.questions = new BookingQuestions(catalog, appointments, menus);
        this.tally = tally;
    }

    static boolean isKey(String key) {
        return BookingKeys.isKey(key);
    }

    /** The first step: which service, or the topic text when nothing can be booked here. */
    Outcome start(ConversationState state) {
        var services = appointments.bookable();
        if (services.isEmpty()) {
            return turns.showTopic(state, Menus.BOOK_TOPIC);
        }
        var keys = services.stream().map(s -> BookingKeys.SERVICE + s.id()).toList();
        return menus.ask(state, catalog.ui(state.languageOrSource(), "booking.service"), keys);
    }

    /** Carries out a booking option (a key for which {@link #isKey} holds). */
    Outcome act(ConversationState state, String key) {
        if (key.equals(MINE)) {
            return mine(state, null);
        }
        if (key.startsWith(BookingKeys.SLOT)) {
            return appointments.slot(key.substring(BookingKeys.SLOT.length())).map(slot -> chosen(state, slot))
                    .orElseGet(() -> start(state));
        }
        if (key.startsWith(BookingKeys.NONAME) || key.startsWith(BookingKeys.INTERPRETER)) {
            return details(state, key);
        }
        if (key.startsWith(BookingKeys.CONFIRM)) {
            return book(state, key.substring(BookingKeys.CONFIRM.length()));
        }
        if (key.startsWith(BookingKeys.KEEP)) {
            return menus.ask(state, catalog.ui(state.languageOrSource(), "reminder.kept"), List.of(Menus.MENU));
        }
        if (key.startsWith(BookingKeys.CANCEL)) {
            return cancel(state, key.substring(BookingKeys.CANCEL.length()));
        }
        if (key.startsWith(BookingKeys.SERVICE) || key.startsWith(BookingKeys.DAYS) || key.startsWith(BookingKeys.DAY)
                || key.startsWith(BookingKeys.MORE) || key.startsWith(BookingKeys.BACK)) {
            return choosing(state, key);
        }
        return moving(state, key);
    }

    /**
     * What she wrote at the nickname question (the caller checked that it is no option, menu
     * word or call for help).
     */
    Outcome nickname(ConversationState state, String written) {
        var slot = state.draft() == null ? Optional.<Slot>empty() : appointments.slot(state.draft().slotId());
        return slot.map(s -> questions.nickname(state, s, written)).orElseGet(() -> start(state));
    }

    /** No nickname, or the interpreter's language: the next question or the confirmation. */
    private Outcome details(ConversationState state, String key) {
        boolean skip = key.startsWith(BookingKeys.NONAME);
        var value = key.substring((skip ? BookingKeys.NONAME : BookingKeys.INTERPRETER).length());
        int colon = value.lastIndexOf(':');
        var slotId = skip || colon < 0 ? value : value.substring(0, colon);
        var slot = appointments.slot(slotId);
        if (slot.isEmpty()) {
            return start(state);
        }
        if (skip) {
            return questions.askInterpreter(state, slot.get(), BookingDraft.of(slot.get().id()));
        }
        var chosen = Language.fromCode(value.substring(colon + 1)).filter(slot.get().languages()::contains);
        var draft = draftFor(state, slot.get());
        return chosen.map(language -> questions.confirm(state, slot.get(), draft.interpreted(language)))
                .orElseGet(() -> questions.askInterpreter(state, slot.get(), draft));
    }

    // What she told for this time, if her state holds it (an old button of another time starts afresh).
    private static BookingDraft draftFor(ConversationState state, Slot slot) {
        return state.draft() != null && state.draft().isFor(slot.id()) ? state.draft() : BookingDraft.of(slot.id());
    }

    /** The day and time steps of a new booking, and back to them from the confirmation. */
    private Outcome choosing(ConversationState state, String key) {
        if (BookingKeys.serviceIn(key).flatMap(appointments::service).isEmpty()) {
            // A key typed by hand or an old button that names no service: back to the services.
            return start(state);
        }
        if (key.startsWith(BookingKeys.SERVICE)) {
            return calendar.days(state, Pick.booking(key.substring(BookingKeys.SERVICE.length())), null, null);
        }
        if (key.startsWith(BookingKeys.DAYS)) {
            return BookingKeys.pair(key, BookingKeys.DAYS).map(p -> calendar.days(state, Pick.booking(p[0]),
                    BookingKeys.date(p[1]).orElse(null), null)).orElseGet(() -> start(state));
        }
        if (key.startsWith(BookingKeys.DAY)) {
            return BookingKeys.pair(key, BookingKeys.DAY).flatMap(p -> BookingKeys.date(p[1])
                    .map(day -> calendar.times(state, Pick.booking(p[0]), day, null, null)))
                    .orElseGet(() -> start(state));
        }
        if (key.startsWith(BookingKeys.MORE)) {
            var lastShown = key.substring(BookingKeys.MORE.length());
            return laterTimes(state, Pick.booking(BookingKeys.serviceOf(lastShown)), lastShown);
        }
        return appointments.slot(key.substring(BookingKeys.BACK.length()))
                .map(slot -> calendar.times(state, Pick.booking(slot.serviceId()), slot.start().toLocalDate(),
                        null, null))
                .orElseGet(() -> start(state));
    }

    /** The steps of moving one of her bookings: its days, a day's times, later ones, the move. */
    private Outcome moving(ConversationState state, String key) {
        if (key.startsWith(BookingKeys.MOVE)) {
            return hers(key.substring(BookingKeys.MOVE.length()))
                    .map(b -> calendar.days(state, Pick.moving(b), null, null)).orElseGet(() -> mine(state, null));
        }
        String prefix = key.startsWith(BookingKeys.MOVE_DAYS) ? BookingKeys.MOVE_DAYS
                : key.startsWith(BookingKeys.MOVE_DAY) ? BookingKeys.MOVE_DAY
                : key.startsWith(BookingKeys.MOVE_MORE) ? BookingKeys.MOVE_MORE : BookingKeys.MOVE_TO;
        var parts = BookingKeys.pair(key, prefix);
        var booking = parts.flatMap(p -> hers(p[0]));
        if (booking.isEmpty()) {
            return mine(state, null);
        }
        var pick = Pick.moving(booking.get());
        var value = parts.get()[1];
        return switch (prefix) {
            case BookingKeys.MOVE_DAYS -> calendar.days(state, pick, BookingKeys.date(value).orElse(null), null);
            case BookingKeys.MOVE_DAY -> BookingKeys.date(value)
                    .map(day -> calendar.times(state, pick, day, null, null))
                    .orElseGet(() -> calendar.days(state, pick, null, null));
            case BookingKeys.MOVE_MORE -> laterTimes(state, pick, pick.slotIdAt(value));
            default -> moveTo(state, pick, value);
        };
    }

    private Outcome laterTimes(ConversationState state, Pick pick, String lastShownSlotId) {
        return Slot.startOf(lastShownSlotId)
                .map(start -> calendar.times(state, pick, start.toLocalDate(), lastShownSlotId, null))
                .orElseGet(() -> calendar.days(state, pick, null, null));
    }

    private Outcome book(ConversationState state, String slotId) {
        var language = state.languageOrSource();
        var slot = appointments.slot(slotId);
        if (slot.isEmpty()) {
            return start(state);
        }
        var draft = draftFor(state, slot.get());
        var interpreter = draft.interpreter() != null ? draft.interpreter()
                : questions.defaultInterpreter(slot.get(), language);
        var result = appointments.book(slot.get(), conversationId, new BookingDetails(draft.nickname(), interpreter),
                route(state));
        if (result instanceof BookingResult.Booked booked) {
            tally.add(Metric.BOOKINGS, booked.booking().serviceId());
            var text = questions.fill(catalog.ui(language, "booking.done"), slot.get(), language,
                    booked.booking().code());
            return menus.ask(state, BookingQuestions.withDetails(text, details(booked.booking(), language)),
                    List.of(Menus.MENU));
        }
        var reason = ((BookingResult.Refused) result).reason();
        return switch (reason) {
            case TOO_MANY_ACTIVE, ALREADY_BOOKED -> mine(state, catalog.ui(language, "booking.too_many"));
            default -> {
                var times = calendar.times(state, Pick.booking(slot.get().serviceId()),
                        slot.get().start().toLocalDate(), null, catalog.ui(language, "booking.full"));
                // What she told waits for the next time she picks, so that she is not asked again.
                yield new Outcome(times.state().drafting(draft.interpreted(interpreter)), times.replies(),
                        times.handoff(), times.erase());
            }
        };
    }

    /**
     * A time chosen: the nickname question, or straight to the confirmation with what she told
     * for a time that filled before she could confirm it.
     */
    private Outcome chosen(ConversationState state, Slot slot) {
        var told = state.draft();
        if (told == null || told.interpreter() == null || told.isFor(slot.id())) {
            return questions.askNickname(state, slot, null);
        }
        var interpreter = slot.languages().contains(told.interpreter()) ? told.interpreter() : null;
        return questions.confirm(state, slot, new BookingDraft(slot.id(), told.nickname(), interpreter));
    }

    private Outcome mine(ConversationState state, String before) {
        var language = state.languageOrSource();
        var bookings = appointments.mine(conversationId);
        if (bookings.isEmpty()) {
            return menus.ask(state, catalog.ui(language, "booking.mine_none"), List.of(Menus.BOOK, Menus.MENU));
        }
        var lines = new ArrayList<String>();
        lines.add(before != null ? before : catalog.ui(language, "booking.mine"));
        var keys = new ArrayList<String>();
        for (var booking : bookings) {
            var line = booking.code() + " : " + labels.serviceName(booking.serviceId(), language) + ", "
                    + BookingLabels.when(booking.start(), language);
            var details = details(booking, language);
            lines.add(details.isEmpty() ? line : line + ". " + details);
            keys.add(BookingKeys.MOVE + booking.code());
            keys.add(BookingKeys.CANCEL + booking.code());
        }
        keys.add(Menus.MENU);
        return menus.ask(state, String.join("\n", lines), keys);
    }

    private Optional<Booking> hers(String code) {
        return appointments.find(code.toUpperCase(Locale.ROOT)).filter(b -> conversationId.equals(b.conversationId()));
    }

    private Outcome moveTo(ConversationState state, Pick pick, String slotId) {
        var language = state.languageOrSource();
        var slot = appointments.slot(slotId);
        if (slot.isEmpty()) {
            return calendar.days(state, pick, null, null);
        }
        var result = appointments.move(pick.code(), slot.get(), conversationId, route(state));
        if (result instanceof BookingResult.Booked moved) {
            var text = questions.fill(catalog.ui(language, "booking.moved"), slot.get(), language,
                    moved.booking().code());
            return menus.ask(state, BookingQuestions.withDetails(text, details(moved.booking(), language)),
                    List.of(Menus.MENU));
        }
        var reason = ((BookingResult.Refused) result).reason();
        return reason == BookingFailure.SLOT_FULL || reason == BookingFailure.SLOT_GONE
                ? calendar.times(state, pick, slot.get().start().toLocalDate(), null,
                        catalog.ui(language, "booking.full"))
                : mine(state, null);
    }

    private Outcome cancel(ConversationState state, String code) {
        var language = state.languageOrSource();
        var normalised = code.toUpperCase(Locale.ROOT);
        var service = hers(normalised).map(Booking::serviceId);
        if (service.isEmpty() || !appointments.cancel(normalised, conversationId)) {
            return mine(state, null);
        }
        tally.add(Metric.CANCELLATIONS, service.get());
        var text = catalog.ui(language, "booking.cancelled").replace("{code}", normalised);
        return menus.ask(state, text, List.of(Menus.MENU));
    }

    private String details(Booking booking, Language language) {
        return labels.details(booking.nickname().orElse(null), booking.interpreterLanguage(), language);
    }

    // Her reminders go where she writes from, in the language she reads.
    private ReminderRoute route(ConversationState state) {
        return address == null ? null : new ReminderRoute(state.channel(), address, state.languageOrSource());
    }
}
