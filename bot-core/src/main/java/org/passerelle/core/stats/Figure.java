package org.passerelle.core.stats;

import java.time.LocalDate;

/**
 * One published figure: the value, or {@link #BELOW_FIVE} when fewer than five events stand
 * behind it, so that no figure can be traced back to one person.
 *
 * @param day       the day, Europe/Paris
 * @param metric    the metric's stable name ({@link Metric#key()})
 * @param dimension by what
 * @param value     the value in decimal digits, or {@link #BELOW_FIVE}
 */
public record Figure(LocalDate day, String metric, String dimension, String value) {

    /** What is shown instead of a value from 1 to 4. */
    public static final String BELOW_FIVE = "<5";
    /** The smallest figure shown. */
    public static final int THRESHOLD = 5;

    /** Whether the value was replaced by {@link #BELOW_FIVE}. */
    public boolean suppressed() {
        return BELOW_FIVE.equals(value);
    }
}
