package org.passerelle.app;

/**
 * Passerelle cannot start for a reason the operator can fix; reported as one clear line by
 * {@link StartupFailureAnalyzer}, without a stack trace.
 */
public class StartupException extends RuntimeException {

    private final String action;

    /**
     * @param problem what is wrong and where, in one sentence
     * @param action  what to do about it
     */
    public StartupException(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    /** What the operator can do about it. */
    public String action() {
        return action;
    }
}
