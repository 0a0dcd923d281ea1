package org.passerelle.core.nlu.eval;

import java.util.Collection;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A share of rows: how many of how many.
 *
 * @param hits  the rows that count
 * @param total the rows looked at
 */
record Rate(long hits, long total) {

    static <T> Rate of(Collection<T> rows, Predicate<T> hit) {
        return new Rate(rows.stream().filter(hit).count(), rows.size());
    }

    /** The share, or {@code whenEmpty} when there was nothing to look at. */
    double value(double whenEmpty) {
        return total == 0 ? whenEmpty : (double) hits / total;
    }

    /** Three decimals with a dot, whatever the machine's locale; a dash when there was nothing. */
    String formatted() {
        return total == 0 ? "-" : decimals(value(0));
    }

    static String decimals(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
