package org.passerelle.core.booking;

import java.time.Duration;

/**
 * A service that can be booked ({@code lawyer}, {@code pad}, {@code group}…). Its names and
 * descriptions per language live in the content; its address in the service directory, under
 * {@code placeKey}, so that one edit corrects every language.
 *
 * @param id                lower-case letters, digits and dashes, e.g. {@code lawyer}
 * @param placeKey          the service directory key of its place, e.g. {@code pad18.address}
 * @param defaultSlotLength the slot length proposed for new schedule rules
 * @param active            whether it can be booked now; an inactive service offers no slots
 * @throws IllegalArgumentException when a field is missing or malformed, naming the field
 */
public record Service(String id, String placeKey, Duration defaultSlotLength, boolean active) {

    public Service {
        Checks.serviceId(id);
        if (placeKey == null || placeKey.isBlank()) {
            throw new IllegalArgumentException("placeKey is required");
        }
        Checks.slotLength(defaultSlotLength);
    }
}
