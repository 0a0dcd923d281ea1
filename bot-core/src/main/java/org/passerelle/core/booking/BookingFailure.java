package org.passerelle.core.booking;

/** Why a booking or a move was refused; each is an expected answer, not an error. */
public enum BookingFailure {
    /** The slot has as many bookings as places. */
    SLOT_FULL,
    /** She already has the maximum of upcoming bookings for this service. */
    TOO_MANY_ACTIVE,
    /** The slot has started or passed. */
    SLOT_GONE,
    /** She already has a booking in this slot. */
    ALREADY_BOOKED,
    /** No upcoming booking of hers has this code. */
    NOT_FOUND
}
