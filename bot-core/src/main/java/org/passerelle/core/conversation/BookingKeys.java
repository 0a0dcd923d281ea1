package org.passerelle.core.conversation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.passerelle.core.booking.Booking;

/**
 * The option keys of the booking steps. Each key carries all its step needs (the service or
 * the code of the booking being moved, a day, a slot id), so that an old button still does what
 * its label says, and its label can be written from the key alone.
 */
final class BookingKeys {

    /** {@code service:{service}}: the free days of a service. */
    static final String SERVICE = "service:";
    /** {@code days:{service}:{last day shown}}: later free days. */
    static final String DAYS = "days:";
    /** {@code day:{service}:{date}}: the free times of a day. */
    static final String DAY = "day:";
    /** {@code more:{last slot shown}}: later free times of the same day. */
    static final String MORE = "more:";
    /** {@code slot:{slot}}: asks for a nickname for this time. */
    static final String SLOT = "slot:";
    /** {@code noname:{slot}}: no nickname; on to the interpreter's language. */
    static final String NONAME = "noname:";
    /** {@code interp:{slot}:{language}}: the appointment's language (French: no interpreter). */
    static final String INTERPRETER = "interp:";
    /** {@code confirm:{slot}}: books it. */
    static final String CONFIRM = "confirm:";
    /** {@code back:{slot}}: back to the times of that slot's day. */
    static final String BACK = "back:";
    /** {@code cancel:{code}}. */
    static final String CANCEL = "cancel:";
    /** {@code keep:{code}}: she confirms she will come (a reminder's button). */
    static final String KEEP = "keep:";
    /** {@code move:{code}}: the free days for moving one of her bookings. */
    static final String MOVE = "move:";
    /** {@code movedays:{code}:{last day shown}}. */
    static final String MOVE_DAYS = "movedays:";
    /** {@code moveday:{code}:{date}}. */
    static final String MOVE_DAY = "moveday:";
    /** {@code movemore:{code}:{start of the last slot shown}}: the service is the booking's. */
    static final String MOVE_MORE = "movemore:";
    /** {@code moveto:{code}:{slot}}: moves the booking there. */
    static final String MOVE_TO = "moveto:";
    /** Her appointments. */
    static final String MINE = "mine";

    private static final List<String> PREFIXES = List.of(SERVICE, DAYS, DAY, MORE, SLOT, NONAME, INTERPRETER,
            CONFIRM, BACK, CANCEL, KEEP, MOVE, MOVE_DAYS, MOVE_DAY, MOVE_MORE, MOVE_TO);

    private BookingKeys() {
    }

    static boolean isKey(String key) {
        return key.equals(MINE) || PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** The text after the prefix, cut in two at the first colon: {@code [service or code, rest]}. */
    static Optional<String[]> pair(String key, String prefix) {
        var parts = key.substring(prefix.length()).split(":", 2);
        return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty() ? Optional.of(parts) : Optional.empty();
    }

    static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The service that a key of a new booking's steps names, if it names one. */
    static Optional<String> serviceIn(String key) {
        if (key.startsWith(SERVICE)) {
            return Optional.of(key.substring(SERVICE.length()));
        }
        if (key.startsWith(DAYS) || key.startsWith(DAY)) {
            return pair(key, key.startsWith(DAYS) ? DAYS : DAY).map(parts -> parts[0]);
        }
        for (var prefix : List.of(MORE, SLOT, NONAME, INTERPRETER, CONFIRM, BACK)) {
            if (key.startsWith(prefix)) {
                var slotId = key.substring(prefix.length());
                return slotId.indexOf('.') > 0 ? Optional.of(serviceOf(slotId)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The service part of a slot id. */
    static String serviceOf(String slotId) {
        int dot = slotId.indexOf('.');
        return dot > 0 ? slotId.substring(0, dot) : slotId;
    }

    /**
     * What she is choosing a day and a time for: a new booking of a service, or another time for
     * one of her bookings (whose own slot is then not offered).
     */
    record Pick(String serviceId, String code, String currentSlotId) {

        static Pick booking(String serviceId) {
            return new Pick(serviceId, null, null);
        }

        static Pick moving(Booking booking) {
            return new Pick(booking.serviceId(), booking.code(), booking.slotId());
        }

        boolean isMove() {
            return code != null;
        }

        String day(LocalDate day) {
            return (isMove() ? MOVE_DAY + code : DAY + serviceId) + ":" + day;
        }

        String laterDays(LocalDate lastShown) {
            return (isMove() ? MOVE_DAYS + code : DAYS + serviceId) + ":" + lastShown;
        }

        String slot(String slotId) {
            return isMove() ? MOVE_TO + code + ":" + slotId : SLOT + slotId;
        }

        // A move's key leaves the service out so that it stays within Telegram's 64 bytes.
        String laterTimes(String lastShownSlotId) {
            return isMove() ? MOVE_MORE + code + ":" + lastShownSlotId.substring(lastShownSlotId.indexOf('.') + 1)
                    : MORE + lastShownSlotId;
        }

        /** The slot id that a move's "later times" key points to. */
        String slotIdAt(String start) {
            return serviceId + "." + start;
        }
    }
}
