package org.passerelle.core.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a schedule rule applies: every week, or every other week counted from the week of
 * an anchor date (the solidarity bus comes every other Thursday). Nothing occurs before the
 * anchor.
 *
 * @param intervalWeeks 1 (every week) or 2 (every other week)
 * @param anchor        the first date it may apply; required every other week, null for a
 *                      weekly rule that has always applied
 * @throws IllegalArgumentException when the interval is not 1 or 2 or an anchor is missing
 */
public record Recurrence(int intervalWeeks, LocalDate anchor) {

    public Recurrence {
        if (intervalWeeks != 1 && intervalWeeks != 2) {
            throw new IllegalArgumentException("intervalWeeks must be 1 or 2, was " + intervalWeeks);
        }
        if (intervalWeeks == 2 && anchor == null) {
            throw new IllegalArgumentException("anchor is required for an every-other-week rule");
        }
    }

    /** Every week, with no start date. */
    public static Recurrence weekly() {
        return new Recurrence(1, null);
    }

    /** Every other week: the anchor's week, two weeks later, and so on. */
    public static Recurrence everyOtherWeek(LocalDate anchor) {
        return new Recurrence(2, anchor);
    }

    /** Whether the rule applies in the week of this date. */
    public boolean occursOn(LocalDate date) {
        if (anchor == null) {
            return true;
        }
        if (date.isBefore(anchor)) {
            return false;
        }
        return ChronoUnit.WEEKS.between(monday(anchor), monday(date)) % intervalWeeks == 0;
    }

    /** Whether a date can exist on which both recurrences apply (anchors set aside when weekly). */
    boolean mayCoincide(Recurrence other) {
        if (intervalWeeks == 1 || other.intervalWeeks == 1) {
            return true;
        }
        return ChronoUnit.WEEKS.between(monday(anchor), monday(other.anchor)) % 2 == 0;
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
