package org.passerelle.core.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * One limit: at most {@code capacity} requests at once, the allowance filling up again evenly
 * over {@code window}, so that {@code capacity} requests per {@code window} pass in the long run.
 *
 * @param name     short name, part of the Redis key ({@code login}, {@code connectors})
 * @param capacity how many requests one address may make in a burst, at least 1
 * @param window   how long the whole allowance takes to come back, positive
 */
public record Limit(String name, int capacity, Duration window) {

    /** @throws IllegalArgumentException when the capacity or the window is not positive */
    public Limit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        if (capacity < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a limit needs a positive capacity and window");
        }
    }

    /** Milliseconds for one request of the allowance to come back. */
    double millisPerToken() {
        return (double) window.toMillis() / capacity;
    }
}
