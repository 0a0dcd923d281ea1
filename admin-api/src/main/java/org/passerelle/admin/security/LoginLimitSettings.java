package org.passerelle.admin.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limit on failed sign-ins per client address ({@code passerelle.limits.login.*}), on top of
 * the lockout of each account: past {@code attempts} failures in {@code window} from one address,
 * the sign-in page asks to wait, whichever account is tried.
 *
 * @param enabled  whether the limit applies
 * @param attempts failed sign-ins one address may make in a window
 * @param window   how long the whole allowance takes to come back
 */
@ConfigurationProperties("passerelle.limits.login")
public record LoginLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") int attempts,
        @DefaultValue("15m") Duration window) {
}
