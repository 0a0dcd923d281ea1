package org.passerelle.admin.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admin settings ({@code passerelle.admin.*}).
 *
 * @param bootstrapUsername the first admin's name, used when no account exists
 * @param bootstrapPassword the first admin's password, 12 characters at least; never logged
 * @param sessionTimeout    how long a signed-in page session lasts without a request; 30 minutes
 *                          by default, between 1 minute and 12 hours
 * @param maxFailedSignIns  failed sign-ins in a row that lock an account; 10 by default
 * @param lockout           how long a locked account stays locked after the last failure;
 *                          15 minutes by default
 */
@ConfigurationProperties("passerelle.admin")
public record AdminSettings(String bootstrapUsername, String bootstrapPassword, Duration sessionTimeout,
        Integer maxFailedSignIns, Duration lockout) {

    /** The shortest password accepted for a staff account. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);
    private static final int DEFAULT_MAX_FAILED_SIGN_INS = 10;
    private static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(15);

    public AdminSettings {
        if (sessionTimeout == null) {
            sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        }
        if (sessionTimeout.compareTo(Duration.ofMinutes(1)) < 0 || sessionTimeout.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("passerelle.admin.session-timeout must be between 1m and 12h, was "
                    + sessionTimeout);
        }
        if (maxFailedSignIns == null) {
            maxFailedSignIns = DEFAULT_MAX_FAILED_SIGN_INS;
        }
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException("passerelle.admin.max-failed-sign-ins must be at least 1");
        }
        if (lockout == null) {
            lockout = DEFAULT_LOCKOUT;
        }
        if (lockout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("passerelle.admin.lockout must be at least 1s, was " + lockout);
        }
    }

    /** Settings with the bootstrap account only, the rest by default. */
    public static AdminSettings bootstrap(String username, String password) {
        return new AdminSettings(username, password, null, null, null);
    }

    /** Whether both bootstrap values are set. */
    public boolean hasBootstrapAccount() {
        return bootstrapUsername != null && !bootstrapUsername.isBlank()
                && bootstrapPassword != null && !bootstrapPassword.isEmpty();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "AdminSettings[bootstrapUsername=" + bootstrapUsername + ", bootstrapPassword="
                + (bootstrapPassword == null ? "unset" : "set") + ", sessionTimeout=" + sessionTimeout + ", maxFailedSignIns=" + maxFailedSignIns + ", lockout=" + lockout + "]";
    }
}
