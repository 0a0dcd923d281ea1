package org.passerelle.admin.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admin settings ({@code passerelle.admin.*}).
 *
 * @param bootstrapUsername the first admin's name, used when no account exists
 * @param bootstrapPassword the first admin's password, 12 characters at least; never logged
 */
@ConfigurationProperties("passerelle.admin")
public record AdminSettings(String bootstrapUsername, String bootstrapPassword) {

    /** The shortest password accepted for a staff account. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** Whether both bootstrap values are set. */
    public boolean hasBootstrapAccount() {
        return bootstrapUsername != null && !bootstrapUsername.isBlank()
                && bootstrapPassword != null && !bootstrapPassword.isEmpty();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "AdminSettings[bootstrapUsername=" + bootstrapUsername + ", bootstrapPassword="
                + (bootstrapPassword == null ? "unset" : "set") + "]";
    }
}
