package org.passerelle.core.booking;

import java.time.LocalDate;
import org.passerelle.core.stats.Metric;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.stats.Tally;

/**
 * Attendance in the anonymous statistics, on the appointment's day and by service: a first mark
 * counts once; a corrected mark moves the count from the old kind to the new one; the same mark
 * again changes nothing. So each appointment stands once, as attended or as missed.
 */
final class AttendanceCounts {

    private AttendanceCounts() {
    }

    /**
     * @param previous what was marked before, the name of an {@link Attendance} or empty for nothing
     */
    static void count(Stats stats, Attendance marked, String previous, String serviceId, LocalDate day) {
        if (previous.equals(marked.name())) {
            return;
        }
        var tally = new Tally().add(metric(marked), serviceId);
        if (!previous.isEmpty()) {
            tally.add(metric(Attendance.valueOf(previous)), serviceId, -1);
        }
        stats.record(day, tally);
    }

    private static Metric metric(Attendance attendance) {
        return attendance == Attendance.ATTENDED ? Metric.ATTENDED : Metric.NO_SHOWS;
    }
}
