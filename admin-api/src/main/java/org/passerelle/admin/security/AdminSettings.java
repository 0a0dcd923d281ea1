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
 */
@ConfigurationProperties("passerelle.admin")
public record AdminSettings(String bootstrapUsername, String bootstrapPassword, Duration sessionTimeout) {

    /** The shortest password accepted for a staff account. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);

    public AdminSettings {
        if (sessionTimeout == null) {
            sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        }
        if (sessionTimeout.compareTo(Duration.ofMinutes(1)) < 0 || sessionTimeout.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("passerelle.admin.session-timeout must be between 1m and 12h, was "
                    + sessionTimeout);
        }
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
                + (bootstrapPassword == null ? "unset" : "set") + ", sessionTimeout=" + sessionTimeout + "]";
    }
}
