package org.passerelle.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Privacy settings ({@code passerelle.privacy.*}).
 *
 * @param secret    the secret of the address pseudonyms, at least 32 characters; unset with the
 *                  embedded Redis, one is generated and kept in the data directory; required
 *                  with an external Redis, where every instance must share it
 * @param retention how long everything about a person is kept after her last message
 */
@ConfigurationProperties("passerelle.privacy")
public record PrivacySettings(String secret, @DefaultValue("30d") Duration retention) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "PrivacySettings[secret=" + (secret == null ? "unset" : "set") + ", retention=" + retention + "]";
    }
}
