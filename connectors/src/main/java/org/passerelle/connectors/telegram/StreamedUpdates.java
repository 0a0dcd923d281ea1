package org.passerelle.connectors.telegram;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.passerelle.core.conversation.ConversationBusyException;
import org.passerelle.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every instance's share of the polled Telegram updates: reads the {@link UpdateStream} through
 * the one consumer group under a consumer name of its own, hands each update to
 * {@link TelegramUpdates} and acknowledges it once the intake took it (or kept it in its
 * journal). An update an instance read but never acknowledged, because it died or could not
 * take it, is claimed by a live one after the claim delay; the intake recognises an update it
 * already took, so a second delivery is not answered twice.
 */
class StreamedUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamedUpdates.class);
    private static final int BATCH = 20;
    private static final Duration BLOCK = Duration.ofMillis(500);
    private static final Duration TRIM_EVERY = Duration.ofMinutes(1);
    private static final int BUSY_TRIES = 3;
    private static final long RETRY_PAUSE_MILLIS = 1_000;

    private final TelegramUpdates updates;
    private final UpdateStream stream;
    private final Clock clock;
    private final String consumer = "instance-" + UUID.randomUUID();
    private volatile boolean running;
    private volatile boolean redisWasDown;
    private Thread reader;
    private long trimmedAt;

    StreamedUpdates(TelegramUpdates updates, UpdateStream stream, Clock clock) {
        this.updates = updates;
        this.stream = stream;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        reader = TelegramPolling.daemon(this::readWhileRunning, "telegram-intake");
        reader.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            reader.join(BLOCK.toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void readWhileRunning() {
        while (running) {
            try {
                for (var entry : stream.read(consumer, BATCH, BLOCK)) {
                    if (!running || !take(entry)) {
                        break;
                    }
                }
                trimNow();
                if (redisWasDown) {
                    log.info("Telegram updates read from the stream again");
                    redisWasDown = false;
                }
            } catch (StoreUnavailableException e) {
                // The holder hands updates straight to the intake meanwhile; say it once, not every pass.
                if (!redisWasDown) {
                    log.warn("Telegram update stream paused, Redis unavailable: {}", e.getMessage());
                    redisWasDown = true;
                }
                pause(RETRY_PAUSE_MILLIS);
            } catch (RuntimeException e) {
                log.error("Telegram update stream pass failed: {}", e.getClass().getSimpleName());
                pause(RETRY_PAUSE_MILLIS);
            }
        }
    }

    /** Takes one update and acknowledges it; false when it stays pending, to be claimed again later. */
    private boolean take(UpdateStream.Entry entry) {
        if (entry.json() == null) {
            log.warn("Telegram update {} in the stream does not open with the keyring: dropped", entry.id());
            stream.ack(entry.id());
            return true;
        }
        try {
            var update = updates.parse(entry.json().getBytes(StandardCharsets.UTF_8));
            for (int attempt = 1; ; attempt++) {
                try {
                    var handled = updates.take(update);
                    if (handled.notice() != null) {
                        updates.tell(handled.notice());
                    }
                    break;
                } catch (ConversationBusyException e) {
                    if (attempt == BUSY_TRIES) {
                        log.info("Telegram update {} left for later: her previous turn is still running",
                                update.getUpdateId());
                        return false;
                    }
                }
            }
        } catch (TelegramUpdates.MalformedUpdateException e) {
            log.warn("Telegram update {} in the stream is not an update: dropped", entry.id());
        } catch (StoreUnavailableException e) {
            log.warn("Telegram update {} not taken: neither the store nor the journal can take it", entry.id());
            pause(RETRY_PAUSE_MILLIS);
            return false;
        } catch (RuntimeException e) {
            // Taking it again would fail the same way: it is dropped, as the webhook would drop it.
            log.error("Telegram update {} failed: {}", entry.id(), e.getClass().getSimpleName());
        }
        stream.ack(entry.id());
        return true;
    }

    private void trimNow() {
        long now = clock.millis();
        if (now - trimmedAt >= TRIM_EVERY.toMillis()) {
            stream.trim();
            trimmedAt = now;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
