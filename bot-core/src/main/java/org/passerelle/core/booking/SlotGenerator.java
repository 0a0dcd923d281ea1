package org.passerelle.core.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.passerelle.content.Language;

/**
 * Generates the slots of a service between two dates from its weekly rules and its exceptions,
 * in Europe/Paris time. Immutable and thread-safe.
 *
 * <p>Daylight-saving changes. A session runs from the instant its start is on the Paris wall
 * clock to the instant its end is; when one of these times does not exist (the spring-forward
 * hour of the last Sunday of March) it is taken one hour later, and when it occurs twice (the
 * repeated hour of the last Sunday of October) its first occurrence is taken. Slots are cut from
 * the session start in real elapsed time, so every slot lasts exactly its length and starts and
 * ends at a time that exists. A slot whose wall-clock start was already offered that day (the
 * second pass through the repeated autumn hour) is dropped, so no time is offered twice. For a
 * rule 01:30–03:30 with one-hour slots this gives one slot on the spring night (01:30 → 03:30,
 * an hour) and two on the autumn night (01:30 and 02:30 summer time).
 *
 * <p>Exceptions. An all-day closure removes the day's slots from the weekly rules; a closure
 * between two times removes those that intersect it. Extra sessions are added after closures
 * (an admin adding one on a closed day means it); an extra slot starting at the same instant as
 * a rule slot replaces it.
 */
public final class SlotGenerator {

    // A guard against a request that would generate years of slots in one call.
    private static final long MAX_DAYS = 366;

    private final List<ScheduleRule> rules;
    private final List<ScheduleException> exceptions;

    /**
     * @throws IllegalArgumentException when two rules of one service overlap
     */
    public SlotGenerator(Collection<ScheduleRule> rules, Collection<ScheduleException> exceptions) {
        checkNoOverlap(rules);
        this.rules = List.copyOf(rules);
        this.exceptions = List.copyOf(exceptions);
    }

    /**
     * Refuses rules of one service that can run at the same time on the same date.
     *
     * @throws IllegalArgumentException naming both rules
     */
    public static void checkNoOverlap(Collection<ScheduleRule> rules) {
        var seen = new ArrayList<ScheduleRule>(rules.size());
        for (var rule : rules) {
            for (var earlier : seen) {
                if (rule.overlaps(earlier)) {
                    throw new IllegalArgumentException("rules overlap: " + describe(earlier)
                            + " and " + describe(rule));
                }
            }
            seen.add(rule);
        }
    }

    /**
     * The slots of a service from one date to another, both included, in start order; none when
     * the service is inactive.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the span exceeds
     *                                  a year
     */
    public List<Slot> slots(Service service, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from, was " + from + " → " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("from → to must span at most " + MAX_DAYS + " days");
        }
        var slots = new ArrayList<Slot>();
        if (!service.active()) {
            return slots;
        }
        for (var date = from; !date.isAfter(to); date = date.plusDays(1)) {
            slots.addAll(daySlots(service.id(), date));
        }
        return slots;
    }

    private List<Slot> daySlots(String serviceId, LocalDate date) {
        var byStart = new TreeMap<Instant, Slot>();
        var closures = exceptionsOn(serviceId, date, ScheduleException.Kind.CLOSED);
        if (closures.stream().noneMatch(ScheduleException::allDay)) {
            for (var rule : rules) {
                if (rule.serviceId().equals(serviceId) && rule.day() == date.getDayOfWeek()
                        && rule.recurrence().occursOn(date)) {
                    cut(serviceId, date, new Session(rule.start(), rule.end(), rule.slotLength(),
                            rule.capacity(), rule.languages()))
                            .stream()
                            .filter(slot -> closures.stream().noneMatch(c -> closes(c, slot)))
                            .forEach(slot -> byStart.put(slot.start().toInstant(), slot));
                }
            }
        }
        for (var extra : exceptionsOn(serviceId, date, ScheduleException.Kind.EXTRA)) {
            cut(serviceId, date, new Session(extra.start(), extra.end(), extra.slotLength(),
                    extra.capacity(), extra.languages()))
                    .forEach(slot -> byStart.put(slot.start().toInstant(), slot));
        }
        return new ArrayList<>(byStart.values());
    }

    private List<ScheduleException> exceptionsOn(String serviceId, LocalDate date,
                                                 ScheduleException.Kind kind) {
        return exceptions.stream()
                .filter(e -> e.serviceId().equals(serviceId) && e.date().equals(date) && e.kind() == kind)
                .toList();
    }

    private static boolean closes(ScheduleException closure, Slot slot) {
        var from = atParis(closure.date(), closure.start());
        var to = atParis(closure.date(), closure.end());
        return slot.start().isBefore(to) && from.isBefore(slot.end());
    }

    /** Cuts a session into slots, following the daylight-saving policy of this class. */
    static List<Slot> cut(String serviceId, LocalDate date, Session session) {
        var slots = new ArrayList<Slot>();
        var offered = new HashSet<LocalDateTime>();
        var sessionEnd = atParis(date, session.end());
        for (var start = atParis(date, session.start());
             !start.plus(session.slotLength()).isAfter(sessionEnd);
             start = start.plus(session.slotLength())) {
            if (offered.add(start.toLocalDateTime())) {
                slots.add(new Slot(serviceId, start, start.plus(session.slotLength()),
                        session.capacity(), session.languages()));
            }
        }
        return slots;
    }

    // ofLocal moves a time in the spring gap one hour later and takes the earlier of two autumn offsets.
    private static ZonedDateTime atParis(LocalDate date, LocalTime time) {
        return ZonedDateTime.ofLocal(date.atTime(time), Slot.PARIS, null);
    }

    private static String describe(ScheduleRule rule) {
        return rule.serviceId() + " " + rule.day() + " " + rule.start() + "–" + rule.end()
                + (rule.recurrence().intervalWeeks() == 2 ? " every other week from "
                + rule.recurrence().anchor() : " weekly");
    }

    /** One session's hours and slot shape, from a rule or an extra session. */
    record Session(LocalTime start, LocalTime end, Duration slotLength, int capacity,
                   Set<Language> languages) {
    }
}
