package org.passerelle.core.booking;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.passerelle.content.Language;

/**
 * One appointment, as held in Redis. It names the person only by her conversation's pseudonym
 * and, if she chose one, a nickname; never a phone number or a real name.
 *
 * @param code                the short code she quotes, e.g. {@code K7P2X}
 * @param serviceId           the booked service
 * @param slotId              the booked slot's {@link Slot#id()}
 * @param start               the slot's start, Europe/Paris
 * @param end                 the slot's end, Europe/Paris
 * @param conversationId      the pseudonym of her conversation; null once she erased it (a
 *                            booking that had started is kept for staff without it)
 * @param nickname            what to call her, when she gave something
 * @param interpreterLanguage the language she needs an interpreter for, or speaks
 * @param bookedAt            when she booked
 */
public record Booking(String code, String serviceId, String slotId, ZonedDateTime start,
                      ZonedDateTime end, String conversationId, Optional<String> nickname,
                      Language interpreterLanguage, Instant bookedAt) {
}
