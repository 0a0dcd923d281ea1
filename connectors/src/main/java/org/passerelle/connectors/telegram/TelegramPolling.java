package org.passerelle.connectors.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.passerelle.core.store.RedisLease;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling, the default mode, done by one instance at a time: the holder of the polling
 * lease ({@link RedisLease}) asks the Bot API for messages and button presses and appends them
 * to the {@link UpdateStream}, which every instance's {@link StreamedUpdates} reads. The offset that
 * acknowledges updates at Telegram moves only once they are in the stream, and is kept in Redis,
 * so that an instance taking over goes on where the last holder stopped: none is skipped.
 *
 * <p>While Redis is away the holder keeps polling (no other instance can take the lease from a
 * Redis it cannot reach either) and hands each update straight to {@link TelegramUpdates}, whose
 * intake keeps it in the journal and gives her the outage notice at once; if even the journal
 * cannot take an update, polling waits and tries it again instead of moving past it. An instance
 * that starts while Redis is away polls only once it could take the lease. Taking the lease
 * removes any webhook, which Telegram requires for polling.
 */
class TelegramPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");
    private static final int LIMIT = 100;
    private static final int WARN_EVERY = 60;
    private static final long IDLE_PAUSE_MILLIS = 100;
    private static final long RETRY_PAUSE_MILLIS = 1_000;

    // Updates go into the stream as the Bot API spelled them, without the absent fields.
    private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final TelegramUpdates updates;
    private final RedisLease lease;
    private final UpdateStream stream;
    private final TelegramClient client;
    private final TelegramSettings.Polling settings;
    private volatile boolean running;
    private volatile boolean held;
    private volatile boolean takenOver;
    private Thread poller;
    private ScheduledExecutorService keeper;
    private Integer offset;
    private int failures;
    /** How many batches in a row found the stream full. */
    private int fullFor;

    TelegramPolling(TelegramUpdates updates, PollingParts parts, TelegramClient client, TelegramSettings settings) {
        this.updates = updates;
        this.lease = parts.lease();
        this.stream = parts.stream();
        this.client = client;
        this.settings = settings.polling();
    }

    /** What polling shares with Redis: the lease and the stream. */
    record PollingParts(RedisLease lease, UpdateStream stream) {
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        keeper = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "telegram-lease"));
        long every = settings.renewEvery().toMillis();
        keeper.scheduleWithFixedDelay(this::keepLease, 0, every, TimeUnit.MILLISECONDS);
        poller = daemon(this::pollWhileRunning, "telegram-polling");
        poller.start();
        log.info("Telegram long polling ready: polls while this instance holds the lease");
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        keeper.shutdownNow();
        poller.interrupt();
        try {
            poller.join(settings.longPoll().toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (held) {
            held = false;
            if (lease.releaseOnStop("Telegram polling")) {
                log.info("Telegram polling lease released");
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this instance polls now. */
    boolean holdsLease() {
        return held;
    }

    /** Renews the lease, or takes it when it is free; runs every third of the lease. */
    void keepLease() {
        try {
            if (held) {
                held = lease.renew();
                if (!held) {
                    log.info("Telegram polling lease lost: another instance polls");
                }
            } else if (lease.tryAcquire()) {
                takenOver = true;
                held = true;
                log.info("Telegram polling lease taken: this instance polls");
            }
        } catch (StoreUnavailableException e) {
            // Redis is away for every instance alike: the holder keeps polling, the others wait.
            log.debug("Telegram polling lease not checked: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Telegram polling lease check failed: {}", e.getClass().getSimpleName());
        }
    }

    private void pollWhileRunning() {
        while (running) {
            if (!held) {
                if (!pause(IDLE_PAUSE_MILLIS)) {
                    return;
                }
                continue;
            }
            if (takenOver && !takeOver()) {
                continue;
            }
            if (fullFor > 0 && !roomAgain()) {
                pause(RETRY_PAUSE_MILLIS);
                continue;
            }
            var batch = poll();
            if (batch == null) {
                pause(RETRY_PAUSE_MILLIS);
            } else if (!batch.isEmpty()) {
                hand(batch);
            }
        }
    }

    /**
     * Starts where the stream stops, and makes sure Telegram sends no update to a webhook. With
     * Redis away it starts from its own offset, or Telegram's: Telegram keeps what was not yet
     * acknowledged.
     */
    private boolean takeOver() {
        try {
            var kept = stream.offset();
            if (kept.isPresent()) {
                offset = kept.getAsInt();
            }
        } catch (StoreUnavailableException e) {
            log.warn("Telegram polling starts without the kept offset, Redis is unavailable");
        }
        try {
            client.execute(DeleteWebhook.builder().build());
            takenOver = false;
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            if (failures++ % WARN_EVERY == 0) {
                log.warn("Telegram polling not started yet: {}", e.getClass().getSimpleName());
            }
            pause(RETRY_PAUSE_MILLIS);
            return false;
        }
    }

    /**
     * Whether the full stream has room again: until then, asking Telegram for the same updates
     * and sealing them again would only be refused. With Redis away, polling goes on (the
     * updates then go straight to the intake).
     */
    private boolean roomAgain() {
        try {
            return stream.hasRoom();
        } catch (StoreUnavailableException e) {
            return true;
        }
    }

    /** The next updates, an empty list when none came in the wait, or null when the request failed. */
    private List<Update> poll() {
        var request = GetUpdates.builder().offset(offset).limit(LIMIT)
                .timeout((int) settings.longPoll().toSeconds()).allowedUpdates(ALLOWED_UPDATES).build();
        try {
            List<Update> batch = client.execute(request);
            failures = 0;
            return batch;
        } catch (TelegramApiException | RuntimeException e) {
            if (running && (failures++ % WARN_EVERY == 0)) {
                log.warn("Telegram getUpdates failed ({} in a row): {}", failures, e.getClass().getSimpleName());
            }
            return null;
        }
    }

    private void hand(List<Update> batch) {
        int next = batch.get(batch.size() - 1).getUpdateId() + 1;
        try {
            switch (stream.append(lease, jsonOf(batch), next)) {
                case APPENDED -> {
                    if (fullFor > 0) {
                        log.info("Telegram polling goes on: the update stream has room again");
                    }
                    fullFor = 0;
                    offset = next;
                }
                case FULL -> {
                    // No instance takes updates as fast as they come: Telegram keeps these and
                    // gives them again from the same offset once there is room, which polling
                    // waits for (roomAgain).
                    if (fullFor++ % WARN_EVERY == 0) {
                        log.warn("Telegram polling waits: {} or more updates wait untaken in the stream",
                                settings.streamMaxLength());
                    }
                    pause(RETRY_PAUSE_MILLIS);
                }
                case LEASE_LOST -> {
                    // Another instance holds the lease now: it asks for these again from the kept offset.
                    held = false;
                    log.info("Telegram polling lease lost before {} update(s) were passed on; the new holder "
                            + "polls them", batch.size());
                }
            }
            return;
        } catch (StoreUnavailableException e) {
            log.warn("Telegram updates go straight to the intake, Redis is unavailable: {}", e.getMessage());
        }
        for (var update : batch) {
            if (!takeDirectly(update)) {
                return;
            }
        }
        offset = next;
    }

    private List<String> jsonOf(List<Update> batch) {
        var jsons = new ArrayList<String>(batch.size());
        for (var update : batch) {
            try {
                jsons.add(json.writeValueAsString(update));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a Telegram update could not be written as JSON", e);
            }
        }
        return jsons;
    }

    /** Takes one update while Redis is away, waiting while neither the store nor the journal can; false once stopped. */
    private boolean takeDirectly(Update update) {
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
                if (!pause(RETRY_PAUSE_MILLIS)) {
                    return false;
                }
            } catch (RuntimeException e) {
                log.error("Telegram update {} failed: {}", update.getUpdateId(), e.getClass().getSimpleName());
                return true;
            }
        }
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Thread daemon(Runnable runnable, String name) {
        var thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
