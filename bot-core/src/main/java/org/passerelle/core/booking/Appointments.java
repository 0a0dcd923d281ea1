package org.passerelle.core.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.passerelle.content.Language;

/**
 * What the conversation needs of the appointments: the services that have a free place soon,
 * the days and slots with a free place, and booking, listing, moving and cancelling for one
 * person, down to all of hers when she erases her conversation.
 */
public final class Appointments {

    /** How far ahead slots are offered. */
    public static final int DAYS_AHEAD = 28;
    /** How many upcoming bookings of one service a person may hold. */
    public static final int MAX_ACTIVE_PER_SERVICE = 1;

    private final Schedules schedules;
    private final Bookings bookings;
    private final Clock clock;
    private final Reminders reminders;

    /** Appointments without reminders. */
    public Appointments(Schedules schedules, Bookings bookings, Clock clock) {
        this(schedules, bookings, clock, null);
    }

    /** Appointments whose bookings are reminded on her channel (reminders may be null). */
    public Appointments(Schedules schedules, Bookings bookings, Clock clock, Reminders reminders) {
        this.schedules = schedules;
        this.bookings = bookings;
        this.clock = clock;
        this.reminders = reminders;
    }

    /** The active services with at least one free place in the coming weeks. */
    public List<Service> bookable() {
        return schedules.services().stream()
                .filter(Service::active)
                .filter(this::hasFreeSlot)
                .toList();
    }

    // The places of all its coming slots are counted in one round trip.
    private boolean hasFreeSlot(Service service) {
        return !free(upcoming(service)).isEmpty();
    }

    /** Of these slots, those with a place left, in the same order. */
    private List<Slot> free(List<Slot> slots) {
        var booked = bookings.counts(slots);
        return slots.stream().filter(slot -> booked.getOrDefault(slot.id(), 0L) < slot.capacity()).toList();
    }

    // An id typed by hand or left on an old button may name no service: it simply has no slots.
    private List<Slot> upcoming(String serviceId) {
        return schedules.service(serviceId).map(this::upcoming).orElse(List.of());
    }

    private List<Slot> upcoming(Service service) {
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, Slot.PARIS);
        return slotsAhead(service, today).stream()
                .filter(slot -> slot.start().toInstant().isAfter(now))
                .toList();
    }

    private List<Slot> slotsAhead(String serviceId, LocalDate today) {
        return schedules.service(serviceId).map(service -> slotsAhead(service, today)).orElse(List.of());
    }

    private List<Slot> slotsAhead(Service service, LocalDate today) {
        return schedules.slots(service, today, today.plusDays(DAYS_AHEAD));
    }

    /** The service with this id, if any. */
    public Optional<Service> service(String id) {
        return schedules.service(id);
    }

    /** The slots of a service that have not started and still have a place, earliest first. */
    public List<Slot> freeSlots(String serviceId) {
        return free(upcoming(serviceId));
    }

    /**
     * The next days (Paris) that have a free place in a service, earliest first, at most
     * {@code limit} of them.
     *
     * @param after  only days after this one (the last day already shown), or null for all
     * @param except a slot not to count, such as the one a booking being moved holds; may be null
     */
    public List<LocalDate> freeDays(String serviceId, LocalDate after, int limit, String except) {
        var candidates = upcoming(serviceId).stream()
                .filter(slot -> after == null || slot.start().toLocalDate().isAfter(after))
                .filter(slot -> !slot.id().equals(except))
                .toList();
        var days = new ArrayList<LocalDate>(limit);
        for (var slot : free(candidates)) {
            var day = slot.start().toLocalDate();
            if (days.size() >= limit) {
                break;
            }
            if (!days.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * The slots of a service on one day (Paris) that have not started and still have a place,
     * earliest first.
     *
     * @param except a slot to leave out, such as the one a booking being moved holds; may be null
     */
    public List<Slot> freeSlotsOn(String serviceId, LocalDate day, String except) {
        return free(upcoming(serviceId).stream()
                .filter(slot -> slot.start().toLocalDate().equals(day) && !slot.id().equals(except))
                .toList());
    }

    /** A slot by its id, whatever the case it was typed in, if the schedule still has it. */
    public Optional<Slot> slot(String slotId) {
        int dot = slotId.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        var serviceId = slotId.substring(0, dot).toLowerCase(Locale.ROOT);
        var today = LocalDate.ofInstant(clock.instant(), Slot.PARIS);
        return slotsAhead(serviceId, today).stream()
                .filter(slot -> slot.id().equalsIgnoreCase(slotId))
                .findFirst();
    }

    /** Books a place for her, with her language as the interpreter's. */
    public BookingResult book(Slot slot, String conversationId, Language language) {
        return book(slot, conversationId, BookingDetails.in(language), null);
    }

    /**
     * Books a place for her with what she told (nickname, interpreter) and schedules its
     * reminders.
     *
     * @param route where her reminders go; null for none
     * @throws IllegalArgumentException when the nickname is not acceptable ({@link Nicknames#clean})
     */
    public BookingResult book(Slot slot, String conversationId, BookingDetails details, ReminderRoute route) {
        var result = bookings.book(slot, conversationId, details.nickname(), details.interpreterLanguage(),
                MAX_ACTIVE_PER_SERVICE);
        if (reminders != null && route != null && result instanceof BookingResult.Booked booked) {
            reminders.schedule(booked.booking(), route.channel(), route.address(), route.language());
        }
        return result;
    }

    /**
     * Moves one of her bookings to another slot of the same service, keeping its code, her
     * nickname and the interpreter's language, and its reminders with it.
     *
     * @param route where her reminders go from now on; null for none
     */
    public BookingResult move(String code, Slot slot, String conversationId, ReminderRoute route) {
        var result = bookings.move(code, slot, conversationId);
        if (reminders != null && result instanceof BookingResult.Booked moved) {
            reminders.forget(moved.booking().code());
            if (route != null) {
                reminders.schedule(moved.booking(), route.channel(), route.address(), route.language());
            }
        }
        return result;
    }

    /** How nicknames are checked and sealed. */
    public Nicknames nicknames() {
        return bookings.nicknames();
    }

    /** The booking with this code, while it is kept. */
    public Optional<Booking> find(String code) {
        return bookings.find(code);
    }

    /** Her upcoming bookings. */
    public List<Booking> mine(String conversationId) {
        return bookings.listFor(conversationId);
    }

    /** Cancels one of her bookings and its reminders; false when it is not hers or not there. */
    public boolean cancel(String code, String conversationId) {
        boolean cancelled = bookings.cancel(code, conversationId);
        if (cancelled && reminders != null) {
            reminders.forget(code.toUpperCase(Locale.ROOT));
        }
        return cancelled;
    }

    /**
     * Everything of hers in the appointments, for when she erases her conversation: her upcoming
     * bookings are cancelled (each place freed atomically, as by {@link #cancel}), the ones that
     * have started are kept for staff without her pseudonym or nickname, and every reminder of
     * them is dropped.
     *
     * @return the codes of the bookings that were hers
     */
    public List<String> cancelAllOf(String conversationId) {
        var codes = bookings.eraseFor(conversationId);
        if (reminders != null) {
            codes.forEach(reminders::forget);
        }
        return codes;
    }
}
