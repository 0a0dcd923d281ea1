package org.passerelle.admin.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit log settings ({@code passerelle.audit.*}).
 *
 * @param retention how long an entry is kept; 365 days by default, at least a day
 * @param maxLength the most entries kept, the oldest dropped first; 1,000,000 by default
 */
@ConfigurationProperties("passerelle.audit")
public record AuditSettings(@DefaultValue("365d") Duration retention, @DefaultValue("1000000") long maxLength) {

    public AuditSettings {
        if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("passerelle.audit.retention must be at least 1d, was " + retention);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("passerelle.audit.max-length must be at least 1, was " + maxLength);
        }
    }
}
