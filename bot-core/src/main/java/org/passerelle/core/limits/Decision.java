package org.passerelle.core.limits;

import java.time.Duration;

/**
 * Whether one request may go on.
 *
 * @param allowed    whether it is within the limit
 * @param retryAfter when it is not, how long until the next request would be
 */
public record Decision(boolean allowed, Duration retryAfter) {

    static Decision allow() {
        return new Decision(true, Duration.ZERO);
    }

    static Decision refuse(long waitMillis) {
        return new Decision(false, Duration.ofMillis(Math.max(1, waitMillis)));
    }

    /** The wait in whole seconds, at least one, as an HTTP {@code Retry-After} header says it. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
