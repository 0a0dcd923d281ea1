package org.passerelle.admin.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passerelle.content.Language;
import org.passerelle.core.booking.Attendance;
import org.passerelle.core.booking.Booking;
import org.passerelle.core.booking.Bookings;
import org.passerelle.core.booking.ScheduleException;
import org.passerelle.core.booking.Schedules;
import org.passerelle.core.booking.Service;
import org.passerelle.core.booking.Slot;
import org.springframework.stereotype.Component;

/**
 * One week of a service for staff, Monday to Sunday: each day's slots with their places booked,
 * each booking by its code, language, nickname and whether she came, the day's closures and
 * extra sessions. A booking whose slot is no longer in the schedule (its rule was removed) is
 * still shown, in a slot of its own, so that nobody expected is forgotten.
 */
@Component
class WeekView {

    private final Schedules schedules;
    private final Bookings bookings;
    private final ScheduleText text;
    private final Clock clock;

    WeekView(Schedules schedules, Bookings bookings, ScheduleText text, Clock clock) {
        this.schedules = schedules;
        this.bookings = bookings;
        this.text = text;
        this.clock = clock;
    }

    /** A booking in a slot; {@code markable} from the appointment's day on. */
    record BookingRow(String code, String language, boolean interpreter, String nickname, String attendance,
                      boolean markable) {
    }

    /** A slot; {@code removed} when only its bookings are left of it. */
    record SlotRow(String id, String hours, int capacity, long booked, String languages, boolean past,
                   boolean removed, List<BookingRow> bookings) {

        public boolean full() {
            return !removed && booked >= capacity;
        }
    }

    /** A day of the week, with what is special about it. */
    record Day(LocalDate date, String label, boolean today, List<String> notes, List<SlotRow> slots) {
    }

    /** The week shown, the weeks before and after it, and its days. */
    record Week(LocalDate start, LocalDate previous, LocalDate next, LocalDate current, List<Day> days) {
    }

    /** The Monday of a date's week. */
    static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Slot.PARIS));
    }

    /** The week of {@code anyDay} for a service. */
    Week week(Service service, LocalDate anyDay, Locale locale) {
        var start = monday(anyDay);
        var end = start.plusDays(6);
        var slots = schedules.slots(service.id(), start, end);
        var booked = bookings.counts(slots);
        var exceptions = schedules.exceptions(service.id()).stream().map(Schedules.StoredException::exception)
                .filter(e -> !e.date().isBefore(start) && !e.date().isAfter(end)).toList();
        var days = new ArrayList<Day>(7);
        for (var date = start; !date.isAfter(end); date = date.plusDays(1)) {
            var on = date;
            days.add(day(on, slots.stream().filter(s -> s.start().toLocalDate().equals(on)).toList(), booked,
                    exceptions.stream().filter(e -> e.date().equals(on)).toList(), service, locale));
        }
        return new Week(start, start.minusWeeks(1), start.plusWeeks(1), monday(today()), days);
    }

    private Day day(LocalDate date, List<Slot> slots, Map<String, Long> booked, List<ScheduleException> exceptions,
            Service service, Locale locale) {
        var now = clock.instant();
        var today = today();
        var byslot = new LinkedHashMap<String, List<BookingRow>>();
        var orphans = new LinkedHashMap<String, List<Booking>>();
        var known = slots.stream().map(Slot::id).toList();
        for (var booking : bookings.forDay(service.id(), date)) {
            if (known.contains(booking.slotId())) {
                byslot.computeIfAbsent(booking.slotId(), id -> new ArrayList<>()).add(row(booking, today, locale));
            } else {
                orphans.computeIfAbsent(booking.slotId(), id -> new ArrayList<>()).add(booking);
            }
        }
        var rows = new ArrayList<SlotRow>();
        for (var slot : slots) {
            rows.add(new SlotRow(slot.id(), hours(slot.start(), slot.end()), slot.capacity(),
                    booked.getOrDefault(slot.id(), 0L), ScheduleText.languages(slot.languages(), locale),
                    !slot.end().toInstant().isAfter(now), false, byslot.getOrDefault(slot.id(), List.of())));
        }
        orphans.forEach((slotId, left) -> {
            var first = left.get(0);
            var rowsLeft = left.stream().map(b -> row(b, today, locale)).toList();
            rows.add(new SlotRow(slotId, hours(first.start(), first.end()), 0, left.size(), "",
                    !first.end().toInstant().isAfter(now), true, rowsLeft));
        });
        rows.sort(Comparator.comparing(SlotRow::hours));
        return new Day(date, ScheduleText.dayOfWeek(date, locale), date.equals(today), notes(exceptions, locale),
                rows);
    }

    private BookingRow row(Booking booking, LocalDate today, Locale locale) {
        var language = booking.interpreterLanguage();
        var attendance = bookings.attendance(booking.code()).map(Attendance::apiName).orElse(null);
        return new BookingRow(booking.code(), ScheduleText.language(language, locale), language != Language.SOURCE,
                booking.nickname().orElse(null), attendance, !booking.start().toLocalDate().isAfter(today));
    }

    private List<String> notes(List<ScheduleException> exceptions, Locale locale) {
        return exceptions.stream().map(e -> {
            if (e.allDay()) {
                return text.message("admin.schedules.week.closedAllDay", locale);
            }
            var key = e.kind() == ScheduleException.Kind.CLOSED ? "admin.schedules.week.closedBetween"
                    : "admin.schedules.week.extra";
            return text.message(key, locale, ScheduleText.hours(e.start(), e.end()));
        }).toList();
    }

    private static String hours(ZonedDateTime start, ZonedDateTime end) {
        return ScheduleText.hours(start.withZoneSameInstant(Slot.PARIS).toLocalTime(),
                end.withZoneSameInstant(Slot.PARIS).toLocalTime());
    }
}
