package org.passerelle.app;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.outbox.OutboxSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox settings ({@code passerelle.outbox.*}).
 *
 * @param pollInterval how often the senders look for replies to send
 * @param claimIdle    a pending reply idle this long is taken up again (retry, crashed instance)
 * @param maxAttempts  sends tried before a retryable failure becomes a dead letter
 * @param perChat      shortest interval between two messages to one person, by channel id
 *                     ({@code telegram}, {@code sms}, {@code whatsapp}); unset ones keep their
 *                     default (one second)
 * @param perSecond    most messages a second on a channel (one sender), by channel id; unset
 *                     ones keep their default (Telegram 30, SMS and WhatsApp 10)
 */
@ConfigurationProperties("passerelle.outbox")
public record OutboxSettingsProperties(
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("1s") Duration claimIdle,
        @DefaultValue("8") int maxAttempts,
        Map<String, Duration> perChat,
        Map<String, Integer> perSecond) {

    public OutboxSettingsProperties {
        perChat = perChat == null ? Map.of() : Map.copyOf(perChat);
        perSecond = perSecond == null ? Map.of() : Map.copyOf(perSecond);
    }

    /**
     * The outbox settings: the defaults, with what is configured here over them.
     *
     * @throws StartupException when a rate names an unknown channel
     */
    public OutboxSettings toSettings() {
        var defaults = OutboxSettings.defaults();
        var chat = new EnumMap<Channel, Duration>(defaults.perChat());
        perChat.forEach((id, interval) -> chat.put(channel(id), interval));
        var channel = new EnumMap<Channel, Integer>(defaults.perChannelRate());
        perSecond.forEach((id, rate) -> channel.put(channel(id), rate));
        return new OutboxSettings(defaults.batch(), claimIdle, maxAttempts, defaults.firstBackoff(),
                defaults.maxBackoff(), chat, channel);
    }

    private static Channel channel(String id) {
        return Channel.fromId(id).orElseThrow(() -> new StartupException(
                "passerelle.outbox names an unknown channel '" + id + "'",
                "Use telegram, sms, whatsapp or webchat.", null));
    }
}
