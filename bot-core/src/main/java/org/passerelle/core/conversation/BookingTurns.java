package org.passerelle.core.conversation;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passerelle.content.ContentCatalog;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Appointments;
import org.passerelle.core.booking.BookingResult;
import org.passerelle.core.booking.Service;
import org.passerelle.core.booking.Slot;
import org.passerelle.core.channel.Option;
import org.passerelle.core.channel.Reply;

/**
 * Booking in the chat: the service, then its next free times five at a time, then a
 * confirmation, then a short code; her appointments with a way to cancel each. A time that
 * fills between the offer and the confirmation gets an apology and the next free times.
 */
final class BookingTurns {

    static final String SERVICE = "service:";
    static final String MORE = "more:";
    static final String SLOT = "slot:";
    static final String CONFIRM = "confirm:";
    static final String CANCEL = "cancel:";
    static final String KEEP = "keep:";
    static final String MOVE = "move:";
    static final String MOVE_TO = "moveto:";
    static final String MINE = "mine";
    private static final int PAGE = 5;

    private final ContentCatalog catalog;
    private final Appointments appointments;
    private final String conversationId;
    private final String address;
    private final Turns turns;
    private final Menus menus;

    BookingTurns(ContentCatalog catalog, Appointments appointments, String conversationId, String address,
            Turns turns, Menus menus) {
        this.catalog = catalog;
        this.menus = menus;
        this.appointments = appointments;
        this.conversationId = conversationId;
        this.address = address;
        this.turns = turns;
    }

    static boolean isKey(String key) {
        return key.equals(MINE) || key.startsWith(SERVICE) || key.startsWith(MORE) || key.startsWith(SLOT)
                || key.startsWith(CONFIRM) || key.startsWith(CANCEL) || key.startsWith(KEEP) || key.startsWith(MOVE)
                || key.startsWith(MOVE_TO);
    }

    /** The first step: which service, or the topic text when nothing can be booked here. */
    Outcome start(ConversationState state) {
        var services = appointments.bookable();
        if (services.isEmpty()) {
            return turns.showTopic(state, Menus.BOOK_TOPIC);
        }
        var language = state.languageOrSource();
        var keys = services.stream().map(s -> SERVICE + s.id()).toList();
        return ask(state, catalog.ui(language, "booking.service"), keys);
    }

    Outcome act(ConversationState state, String key) {
        if (key.equals(MINE)) {
            return mine(state, null);
        }
        if (key.startsWith(SERVICE)) {
            return times(state, key.substring(SERVICE.length()), 0, null);
        }
        if (key.startsWith(MORE)) {
            var parts = key.substring(MORE.length()).split(":");
            return times(state, parts[0], parts.length > 1 ? parseOr(parts[1], 0) : 0, null);
        }
        if (key.startsWith(SLOT)) {
            return appointments.slot(key.substring(SLOT.length()))
                    .map(slot -> confirm(state, slot))
                    .orElseGet(() -> start(state));
        }
        if (key.startsWith(CONFIRM)) {
            return book(state, key.substring(CONFIRM.length()));
        }
        if (key.startsWith(MOVE_TO)) {
            var parts = key.substring(MOVE_TO.length()).split(":", 2);
            return parts.length == 2 ? moveTo(state, parts[0], parts[1]) : mine(state, null);
        }
        if (key.startsWith(MOVE)) {
            return moveTimes(state, key.substring(MOVE.length()), null);
        }
        if (key.startsWith(KEEP)) {
            var language = state.languageOrSource();
            return Outcome.answer(state.at(Step.MENU, null),
                    new Reply(catalog.ui(language, "reminder.kept"), options(List.of(Menus.MENU), language)));
        }
        return cancel(state, key.substring(CANCEL.length()));
    }

    private Outcome times(ConversationState state, String serviceId, int from, String before) {
        var language = state.languageOrSource();
        var free = appointments.freeSlots(serviceId);
        if (free.isEmpty()) {
            var text = catalog.ui(language, "booking.no_slot");
            return Outcome.answer(state.offering(List.of(Menus.HUMAN, Menus.MENU), 0),
                    new Reply(before == null ? text : before + "\n\n" + text, options(List.of(Menus.HUMAN, Menus.MENU),
                            language)));
        }
        int start = Math.min(Math.max(0, from), Math.max(0, free.size() - 1));
        var keys = new ArrayList<String>();
        var labels = new HashMap<String, String>();
        free.subList(start, Math.min(free.size(), start + PAGE)).forEach(slot -> {
            keys.add(SLOT + slot.id());
            labels.put(SLOT + slot.id(), when(slot.start(), language));
        });
        if (start + PAGE < free.size()) {
            keys.add(MORE + serviceId + ":" + (start + PAGE));
        }
        keys.add(Menus.MENU);
        var text = catalog.ui(language, "booking.slot");
        return ask(state, before == null ? text : before + "\n\n" + text, keys, labels);
    }

    private Outcome confirm(ConversationState state, Slot slot) {
        var language = state.languageOrSource();
        var text = fill(catalog.ui(language, "booking.confirm"), slot, language, null);
        return ask(state, text, List.of(CONFIRM + slot.id(), SERVICE + slot.serviceId()));
    }

    private Outcome book(ConversationState state, String slotId) {
        var language = state.languageOrSource();
        var slot = appointments.slot(slotId);
        if (slot.isEmpty()) {
            return start(state);
        }
        var result = address == null
                ? appointments.book(slot.get(), conversationId, language)
                : appointments.book(slot.get(), conversationId, language, state.channel(), address);
        if (result instanceof BookingResult.Booked booked) {
            var text = fill(catalog.ui(language, "booking.done"), slot.get(), language, booked.booking().code());
            return Outcome.answer(state.at(Step.MENU, null), new Reply(text, options(List.of(Menus.MENU), language)));
        }
        var reason = ((BookingResult.Refused) result).reason();
        return switch (reason) {
            case TOO_MANY_ACTIVE, ALREADY_BOOKED -> mine(state, catalog.ui(language, "booking.too_many"));
            default -> times(state, slot.get().serviceId(), 0, catalog.ui(language, "booking.full"));
        };
    }

    private Outcome mine(ConversationState state, String before) {
        var language = state.languageOrSource();
        var bookings = appointments.mine(conversationId);
        if (bookings.isEmpty()) {
            return ask(state, catalog.ui(language, "booking.mine_none"), List.of(Menus.BOOK, Menus.MENU));
        }
        var lines = new ArrayList<String>();
        lines.add(before != null ? before : catalog.ui(language, "booking.mine"));
        var keys = new ArrayList<String>();
        for (var booking : bookings) {
            lines.add(booking.code() + " : " + serviceName(booking.serviceId(), language) + ", "
                    + when(booking.start(), language));
            keys.add(MOVE + booking.code());
            keys.add(CANCEL + booking.code());
        }
        keys.add(Menus.MENU);
        return ask(state, String.join("\n", lines), keys);
    }

    /** Other free times of the same service for one of her bookings. */
    private Outcome moveTimes(ConversationState state, String code, String before) {
        var booking = appointments.find(code.toUpperCase(Locale.ROOT))
                .filter(b -> b.conversationId().equals(conversationId));
        if (booking.isEmpty()) {
            return mine(state, null);
        }
        var language = state.languageOrSource();
        var keys = new ArrayList<String>();
        var labels = new HashMap<String, String>();
        appointments.freeSlots(booking.get().serviceId()).stream()
                .filter(slot -> !slot.id().equals(booking.get().slotId()))
                .limit(PAGE)
                .forEach(slot -> {
                    var key = MOVE_TO + booking.get().code() + ":" + slot.id();
                    keys.add(key);
                    labels.put(key, when(slot.start(), language));
                });
        if (keys.isEmpty()) {
            return mine(state, catalog.ui(language, "booking.no_slot"));
        }
        keys.add(Menus.MENU);
        var text = catalog.ui(language, "booking.slot");
        return ask(state, before == null ? text : before + "\n\n" + text, keys, labels);
    }

    private Outcome moveTo(ConversationState state, String code, String slotId) {
        var language = state.languageOrSource();
        var slot = appointments.slot(slotId);
        if (slot.isEmpty()) {
            return moveTimes(state, code, null);
        }
        var result = appointments.move(code.toUpperCase(Locale.ROOT), slot.get(), conversationId, state.channel(),
                address);
        if (result instanceof BookingResult.Booked moved) {
            var text = fill(catalog.ui(language, "booking.moved"), slot.get(), language, moved.booking().code());
            return Outcome.answer(state.at(Step.MENU, null), new Reply(text, options(List.of(Menus.MENU), language)));
        }
        return ((BookingResult.Refused) result).reason() == org.passerelle.core.booking.BookingFailure.SLOT_FULL
                ? moveTimes(state, code, catalog.ui(language, "booking.full"))
                : mine(state, null);
    }

    private Outcome cancel(ConversationState state, String code) {
        var language = state.languageOrSource();
        var normalised = code.toUpperCase(Locale.ROOT);
        if (!appointments.cancel(normalised, conversationId)) {
            return mine(state, null);
        }
        var text = catalog.ui(language, "booking.cancelled").replace("{code}", normalised);
        return Outcome.answer(state.at(Step.MENU, null), new Reply(text, options(List.of(Menus.MENU), language)));
    }

    private Outcome ask(ConversationState state, String text, List<String> keys) {
        return ask(state, text, keys, Map.of());
    }

    /** Asks with these options; labels already known (the times just listed) are not looked up again. */
    private Outcome ask(ConversationState state, String text, List<String> keys, Map<String, String> known) {
        var asking = state.offering(keys, 0);
        var language = state.languageOrSource();
        var options = new ArrayList<Option>(keys.size());
        for (var key : keys) {
            options.add(new Option(key, known.containsKey(key) ? known.get(key) : label(key, language)));
        }
        return Outcome.answer(asking, new Reply(text, options));
    }

    List<Option> options(List<String> keys, Language language) {
        var options = new ArrayList<Option>(keys.size());
        for (var key : keys) {
            options.add(new Option(key, label(key, language)));
        }
        return options;
    }

    private String label(String key, Language language) {
        if (key.startsWith(SERVICE)) {
            return serviceName(key.substring(SERVICE.length()), language);
        }
        if (key.startsWith(MORE)) {
            return catalog.ui(language, "action.more");
        }
        if (key.startsWith(SLOT)) {
            return appointments.slot(key.substring(SLOT.length())).map(s -> when(s.start(), language)).orElse(key);
        }
        if (key.startsWith(MOVE_TO)) {
            var parts = key.substring(MOVE_TO.length()).split(":", 2);
            return parts.length < 2 ? key
                    : appointments.slot(parts[1]).map(s -> when(s.start(), language)).orElse(key);
        }
        if (key.startsWith(MOVE)) {
            return catalog.ui(language, "action.move").replace("{code}", key.substring(MOVE.length()));
        }
        if (key.startsWith(CONFIRM)) {
            return catalog.ui(language, "action.confirm");
        }
        if (key.startsWith(CANCEL)) {
            return catalog.ui(language, "action.cancel_booking").replace("{code}", key.substring(CANCEL.length()));
        }
        if (key.startsWith(KEEP)) {
            return catalog.ui(language, "action.keep");
        }
        return menus.option(key, language).label();
    }

    private String fill(String template, Slot slot, Language language, String code) {
        var place = appointments.service(slot.serviceId()).map(Service::placeKey)
                .map(key -> catalog.resolve("{service:" + key + "}", language))
                .orElse(catalog.ui(language, "directory.unconfirmed"));
        var text = template.replace("{what}", serviceName(slot.serviceId(), language))
                .replace("{when}", when(slot.start(), language))
                .replace("{where}", place);
        return code == null ? text : text.replace("{code}", code);
    }

    private String serviceName(String serviceId, Language language) {
        var key = "service." + serviceId;
        return catalog.uiStrings(language).containsKey(key) || catalog.uiStrings(Language.SOURCE).containsKey(key)
                ? catalog.ui(language, key) : serviceId;
    }

    private static String when(ZonedDateTime start, Language language) {
        return start.withZoneSameInstant(Slot.PARIS).format(DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(language.code())));
    }

    private static int parseOr(String text, int fallback) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
