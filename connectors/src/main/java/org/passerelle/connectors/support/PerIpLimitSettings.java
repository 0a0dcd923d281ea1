package org.passerelle.connectors.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limit per client address on the channels' webhooks ({@code passerelle.limits.connectors.*}).
 * Telegram and Twilio call from a few addresses of theirs, so the default is generous: 1200
 * requests a minute, in bursts of as many; their own calls, proven by signature or secret, pass
 * even over the limit.
 *
 * @param enabled  whether the limit applies
 * @param capacity requests one address may make in a burst
 * @param window   how long the whole allowance takes to come back
 */
@ConfigurationProperties("passerelle.limits.connectors")
public record PerIpLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1200") int capacity,
        @DefaultValue("1m") Duration window) {
}
