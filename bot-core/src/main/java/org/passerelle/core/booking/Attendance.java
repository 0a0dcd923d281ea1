package org.passerelle.core.booking;

import java.util.Locale;
import java.util.Optional;

/** Whether she came to her appointment, as staff mark it afterwards. */
public enum Attendance {
    ATTENDED,
    NO_SHOW;

    /** The spelling used in the API: {@code attended}, {@code no-show}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value for its API spelling, if it is one. */
    public static Optional<Attendance> fromApi(String value) {
        for (var attendance : values()) {
            if (attendance.apiName().equals(value)) {
                return Optional.of(attendance);
            }
        }
        return Optional.empty();
    }
}
