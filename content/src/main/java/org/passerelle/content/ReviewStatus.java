package org.passerelle.content;

import java.util.Locale;

/** Where a text of one language stands in review; the YAML spelling is {@link #yamlName()}. */
public enum ReviewStatus {
    DRAFT,
    NEEDS_REVIEW,
    REVIEWED,
    STALE;

    /** The spelling used in the content files: {@code draft}, {@code needs-review}, … */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The status for its YAML spelling.
     *
     * @throws IllegalArgumentException when the spelling is not one of the four statuses
     */
    public static ReviewStatus fromYaml(String value) {
        for (var status : values()) {
            if (status.yamlName().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown review status '" + value + "'");
    }
}
