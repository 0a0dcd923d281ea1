package org.passerelle.core.booking;

/**
 * The answer to a booking or a move: {@link Booked} with the booking, or {@link Refused} with
 * the reason, so that a full slot is answered with an apology and other slots, never an error.
 */
public sealed interface BookingResult {

    /** Whether the booking was made. */
    default boolean isBooked() {
        return this instanceof Booked;
    }

    /** The booking was made (or moved); its code is the one to give her. */
    record Booked(Booking booking) implements BookingResult {
    }

    /** Nothing was written; the reason says what to tell her. */
    record Refused(BookingFailure reason) implements BookingResult {
    }
}
