package org.passerelle.connectors.telegram;

import java.util.List;
import org.passerelle.connectors.support.PublicUrlSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * In webhook mode, tells Telegram at start where to send the updates: the public base URL plus
 * {@code /connectors/telegram/webhook}, with the secret it must send back, and only the kinds of
 * update Passerelle reads. A failure is logged, not fatal: the webhook may already be set.
 */
@Component
@Conditional(TelegramConfigured.class)
@ConditionalOnProperty(prefix = "passerelle.telegram", name = "mode", havingValue = "webhook")
@EnableConfigurationProperties(PublicUrlSettings.class)
class TelegramWebhookRegistration implements SmartLifecycle {

    static final String PATH = "/connectors/telegram/webhook";
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRegistration.class);

    private final TelegramClient client;
    private final TelegramSettings settings;
    private final PublicUrlSettings publicUrl;
    private volatile boolean running;

    TelegramWebhookRegistration(TelegramClient client, TelegramSettings settings, PublicUrlSettings publicUrl) {
        this.client = client;
        this.settings = settings;
        this.publicUrl = publicUrl;
    }

    @Override
    public void start() {
        running = true;
        if (!publicUrl.isSet() || settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
            log.warn("Telegram webhook not registered: set passerelle.public-base-url and "
                    + "passerelle.telegram.webhook-secret, or register it by hand");
            return;
        }
        try {
            client.execute(SetWebhook.builder()
                    .url(publicUrl.urlOf(PATH))
                    .secretToken(settings.webhookSecret())
                    .allowedUpdates(List.of("message", "callback_query"))
                    .build());
            log.info("Telegram webhook registered at {}", publicUrl.urlOf(PATH));
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Telegram webhook not registered: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
