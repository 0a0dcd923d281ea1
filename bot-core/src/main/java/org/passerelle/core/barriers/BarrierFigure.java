package org.passerelle.core.barriers;

import java.time.YearMonth;

/**
 * One published count of one barrier in one month: the value in decimal digits (zero included),
 * or {@link #BELOW_FIVE} when one to four answers stand behind it.
 *
 * @param month   the month, Europe/Paris
 * @param barrier the answer counted
 * @param value   the count, or {@link #BELOW_FIVE}
 */
public record BarrierFigure(YearMonth month, Barrier barrier, String value) {

    /** What is shown instead of a value from 1 to 4. */
    public static final String BELOW_FIVE = "<5";
    /** The smallest value shown. */
    public static final int THRESHOLD = 5;

    /** Whether the value was replaced by {@link #BELOW_FIVE}. */
    public boolean suppressed() {
        return BELOW_FIVE.equals(value);
    }

    /** The published form of a raw count. */
    static String publish(long count) {
        return count > 0 && count < THRESHOLD ? BELOW_FIVE : Long.toString(count);
    }
}
