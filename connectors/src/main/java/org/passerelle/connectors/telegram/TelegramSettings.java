package org.passerelle.connectors.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param polling       how the instances share long polling ({@code passerelle.telegram.polling.*})
 */
@ConfigurationProperties("passerelle.telegram")
public record TelegramSettings(
        String token,
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        @DefaultValue("polling") Mode mode,
        String webhookSecret,
        @DefaultValue Polling polling) {

    /** Binds every setting; an absent polling group takes its defaults. */
    @ConstructorBinding
    public TelegramSettings {
        polling = polling == null ? Polling.DEFAULTS : polling;
    }

    /** Settings with the polling defaults. */
    public TelegramSettings(String token, URI apiUrl, Mode mode, String webhookSecret) {
        this(token, apiUrl, mode, webhookSecret, Polling.DEFAULTS);
    }

    /** How updates reach the bot. */
    public enum Mode {
        /** The bot asks Telegram for updates; needs no public URL. */
        POLLING,
        /** Telegram posts updates to {@code /connectors/telegram/webhook}. */
        WEBHOOK
    }

    /**
     * Long polling shared by several instances on one Redis: one instance at a time holds the
     * polling lease, asks Telegram for updates and appends them to a Redis stream that every
     * instance reads through one consumer group.
     *
     * @param lease         how long the lease lasts unless renewed; its holder renews it every
     *                      third of it, and another instance takes polling over within about this
     *                      long once the holder stops renewing (default 10 s)
     * @param longPoll      how long one request for updates waits for news at Telegram (whole
     *                      seconds, at most a third of the lease; default 3 s)
     * @param claimIdle     how long an update read by an instance may stay unacknowledged before
     *                      another instance takes it over, e.g. because the first one died
     *                      (default 30 s)
     * @param streamMaxLength how many updates may wait untaken in the stream; updates leave it
     *                      as soon as they are taken, and once this many wait, polling pauses and
     *                      Telegram keeps the newer ones (for up to a day) until there is room
     *                      (default 10,000)
     * @param retention     how long an update not yet taken may stay in the stream (default 1 day)
     */
    public record Polling(
            @DefaultValue("10s") Duration lease,
            @DefaultValue("3s") Duration longPoll,
            @DefaultValue("30s") Duration claimIdle,
            @DefaultValue("10000") int streamMaxLength,
            @DefaultValue("1d") Duration retention) {

        static final Polling DEFAULTS = new Polling(Duration.ofSeconds(10), Duration.ofSeconds(3),
                Duration.ofSeconds(30), 10_000, Duration.ofDays(1));

        /**
         * @throws IllegalArgumentException when the lease is under 3 s, the long poll is not shorter
         *                                  than a third of the lease, or a size is not positive
         */
        public Polling {
            if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
                throw new IllegalArgumentException("passerelle.telegram.polling.lease must be at least 3s");
            }
            if (longPoll.isNegative() || longPoll.multipliedBy(3).compareTo(lease) > 0) {
                throw new IllegalArgumentException("passerelle.telegram.polling.long-poll must be at most a third of the lease");
            }
            if (claimIdle.compareTo(Duration.ofSeconds(1)) < 0 || streamMaxLength < 100 || retention.toMinutes() < 1) {
                throw new IllegalArgumentException("passerelle.telegram.polling: claim-idle >= 1s, "
                        + "stream-max-length >= 100 and retention >= 1m");
            }
        }

        /** How often the holder renews the lease, and others look whether it is free. */
        Duration renewEvery() {
            return lease.dividedBy(3);
        }
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
                + ", mode=" + mode + ", webhookSecret=" + (hasWebhookSecret() ? "(set)" : "(unset)")
                + ", polling=" + polling + "]";
    }
}
