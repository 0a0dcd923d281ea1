package org.passerelle.connectors.telegram;

import java.util.List;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling, the default mode: asks the Bot API for messages and button presses and hands
 * each to {@link TelegramUpdates}, started and stopped with the application. While the store is
 * down the intake keeps messages in its journal and she gets the outage notice at once; if even
 * the journal cannot take an update, polling waits and tries it again instead of moving past it,
 * since polling cannot ask Telegram to deliver it again. Registering the bot removes any webhook,
 * which Telegram requires for polling.
 */
@Component
@Conditional(TelegramConfigured.class)
@ConditionalOnProperty(prefix = "passerelle.telegram", name = "mode", havingValue = "polling", matchIfMissing = true)
class TelegramPolling implements SmartLifecycle, LongPollingSingleThreadUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");
    private static final int WARN_EVERY = 60;
    private static final long RETRY_PAUSE_MILLIS = 1_000;

    private final TelegramUpdates updates;
    private final TelegramSettings settings;
    private TelegramBotsLongPollingApplication application;

    TelegramPolling(TelegramUpdates updates, TelegramSettings settings) {
        this.updates = updates;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (application != null) {
            return;
        }
        var polling = new TelegramBotsLongPollingApplication();
        var url = TelegramConfiguration.telegramUrl(settings.apiUrl());
        try {
            polling.registerBot(settings.token(), () -> url, new DefaultGetUpdatesGenerator(ALLOWED_UPDATES), this);
            if (!polling.isRunning()) {
                polling.start();
            }
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Telegram long polling could not start: " + e.getClass().getSimpleName());
        }
        application = polling;
        log.info("Telegram long polling started against {}", settings.apiUrl());
    }

    @Override
    public synchronized void stop() {
        if (application == null) {
            return;
        }
        try {
            application.close();
        } catch (Exception e) {
            log.warn("Telegram long polling did not stop cleanly: {}", e.getClass().getSimpleName());
        }
        application = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return application != null;
    }

    /**
     * Handles a batch in the polling thread, in order, before the next request for updates: that
     * request is what tells Telegram the batch was received, so no update is acknowledged before
     * it was taken or kept in the journal.
     */
    @Override
    public void consume(List<Update> batch) {
        for (var update : batch) {
            if (!take(update)) {
                return;
            }
        }
    }

    @Override
    public void consume(Update update) {
        take(update);
    }

    /** Takes one update, waiting while neither the store nor the journal can; false once stopped. */
    private boolean take(Update update) {
        for (int attempt = 1; ; attempt++) {
            try {
                var handled = updates.take(update);
                if (handled.notice() != null) {
                    updates.tell(handled.notice());
                }
                return true;
            } catch (StoreUnavailableException e) {
                if (attempt == 1 || attempt % WARN_EVERY == 0) {
                    log.warn("Telegram update {} not taken yet (attempt {}): neither the store nor the journal can "
                            + "take it; polling waits", update.getUpdateId(), attempt);
                }
                if (!pause()) {
                    return false;
                }
            } catch (RuntimeException e) {
                log.error("Telegram update {} failed: {}", update.getUpdateId(), e.getClass().getSimpleName());
                return true;
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
