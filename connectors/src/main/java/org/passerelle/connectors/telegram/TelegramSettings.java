package org.passerelle.connectors.telegram;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Telegram settings ({@code passerelle.telegram.*}). The connector starts only when a token is
 * set.
 *
 * @param token         the bot token from BotFather; never logged
 * @param apiUrl        base of the Bot API (scheme, host and port are used), another one in tests
 * @param mode          how updates arrive: long polling or the webhook
 * @param webhookSecret the value Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
 *                      (set with {@code setWebhook}); without it the webhook refuses everything
 */
@ConfigurationProperties("passerelle.telegram")
public record TelegramSettings(
        String token,
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        @DefaultValue("polling") Mode mode,
        String webhookSecret) {

    /** How updates reach the bot. */
    public enum Mode {
        /** The bot asks Telegram for updates; needs no public URL. */
        POLLING,
        /** Telegram posts updates to {@code /connectors/telegram/webhook}. */
        WEBHOOK
    }

    /** Whether a non-blank token is configured. */
    public boolean configured() {
        return token != null && !token.isBlank();
    }

    /** Whether a non-blank webhook secret is configured. */
    public boolean hasWebhookSecret() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }

    /** Never prints the token or the secret, only whether they are set. */
    @Override
    public String toString() {
        return "TelegramSettings[token=" + (configured() ? "(set)" : "(unset)") + ", apiUrl=" + apiUrl
                + ", mode=" + mode + ", webhookSecret=" + (hasWebhookSecret() ? "(set)" : "(unset)") + "]";
    }
}
