/**
 * Appointments: the services that can be booked, their weekly schedule rules and exceptions,
 * the slots generated from them in Europe/Paris time, and the bookings held in Redis. A booking
 * is taken, cancelled or moved by one Lua script each, so that a slot is never over-booked,
 * whatever the number of threads or app instances. Plain Java; uses {@code core.store} for
 * Redis and {@code org.passerelle.content.Language}.
 *
 * <p>Keys, after the store prefix: {@code booking:{code}} (hash, one booking, keyed by its
 * short code; her nickname and the interpreter's language in it sealed with AES-GCM under the
 * texts' key, see {@code Nicknames}; her pseudonym, the service, slot, day and times stay in
 * clear for the Lua scripts that book, cancel, move and erase),
 * {@code booking:slot:{slot id}} (set of the codes booked in a slot; its size is the slot's
 * count), {@code booking:day:{service}:{date}} (set of the codes of a service's day,
 * for staff) and {@code booking:conv:{pseudonym}} (hash, code → service, slot and end, for the
 * per-person limit). All of them expire some days after the slots they hold.
 */
package org.passerelle.core.booking;
