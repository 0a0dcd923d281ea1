package org.passerelle.core.booking;

/**
 * A schedule rule refused because it can run at the same time as a stored rule of the same
 * service. It is an {@link IllegalArgumentException}, so callers that only validate input need
 * not know it; staff surfaces answer it as a conflict.
 */
public class ScheduleOverlapException extends IllegalArgumentException {

    private final String conflictingRuleId;

    /**
     * @param conflictingRuleId the id of the stored rule it overlaps
     * @param message           names the field and both rules
     */
    public ScheduleOverlapException(String conflictingRuleId, String message) {
        super(message);
        this.conflictingRuleId = conflictingRuleId;
    }

    /** The id of the stored rule the refused one overlaps. */
    public String conflictingRuleId() {
        return conflictingRuleId;
    }
}
