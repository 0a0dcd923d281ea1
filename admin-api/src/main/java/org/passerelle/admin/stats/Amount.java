package org.passerelle.admin.stats;

import org.passerelle.core.stats.Figure;

/**
 * A published quantity, or a sum of them: the part known exactly, and how many parts were shown
 * only as {@code "<5"}. A sum never turns a hidden part into a number, so that no figure under
 * five can be worked out from a total.
 *
 * @param known  the sum of the parts shown as numbers
 * @param hidden how many parts were shown as {@code "<5"}
 */
record Amount(long known, int hidden) {

    static final Amount ZERO = new Amount(0, 0);

    static Amount of(Figure figure) {
        return figure.suppressed() ? new Amount(0, 1) : new Amount(Long.parseLong(figure.value()), 0);
    }

    Amount plus(Amount other) {
        return new Amount(known + other.known, hidden + other.hidden);
    }

    boolean isZero() {
        return known == 0 && hidden == 0;
    }

    /** {@code 12}, {@code <5}, {@code 12 + <5} or {@code 12 + 3 × <5}: never more than was published. */
    String label() {
        if (hidden == 0) {
            return Long.toString(known);
        }
        var below = hidden == 1 ? Figure.BELOW_FIVE : hidden + " × " + Figure.BELOW_FIVE;
        return known == 0 ? below : known + " + " + below;
    }
}
