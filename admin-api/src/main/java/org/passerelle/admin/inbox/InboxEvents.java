package org.passerelle.admin.inbox;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.passerelle.core.conversation.MediatorDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live side of the inbox pages on this instance: one event stream per open page, and one
 * poller that reads the desk's version about once a second and tells every stream when it
 * changed (a claim, a new request or a new line anywhere, on any instance). The pages then fetch
 * the parts they show; the event carries no content. No thread is held per page.
 */
@Component
class InboxEvents implements SmartLifecycle {

    static final String CHANGED = "changed";
    static final long RECONNECT_MILLIS = 3000;

    private static final Logger log = LoggerFactory.getLogger(InboxEvents.class);

    private final Set<SseEmitter> streams = new CopyOnWriteArraySet<>();
    private final MediatorDesk desk;
    private final InboxSettings settings;
    private ScheduledExecutorService poller;
    private volatile boolean running;
    private long lastVersion;
    private boolean versionKnown;
    private boolean failing;
    private long lastBeat;

    InboxEvents(MediatorDesk desk, InboxSettings settings) {
        this.desk = desk;
        this.settings = settings;
    }

    /** Opens a stream for one page; it gets a {@value #CHANGED} event whenever the inbox changes. */
    SseEmitter open() {
        var emitter = new SseEmitter(settings.streamTimeout().toMillis());
        streams.add(emitter);
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(() -> streams.remove(emitter));
        emitter.onError(error -> streams.remove(emitter));
        try {
            // A first comment sends the headers at once, so the page knows the stream is open.
            emitter.send(SseEmitter.event().comment("open").reconnectTime(RECONNECT_MILLIS));
        } catch (IOException e) {
            streams.remove(emitter);
        }
        return emitter;
    }

    /** How many pages listen on this instance. */
    int openStreams() {
        return streams.size();
    }

    /** Reads the version once and tells the pages when it moved; called by the poller. */
    synchronized void poll() {
        try {
            long version = desk.version();
            if (failing) {
                log.info("inbox updates resumed");
                failing = false;
            }
            if (versionKnown && version != lastVersion) {
                broadcast(() -> SseEmitter.event().name(CHANGED).data(Long.toString(version)));
            }
            lastVersion = version;
            versionKnown = true;
        } catch (RuntimeException e) {
            // Logged once per outage, not every second; the pages keep their last state meanwhile.
            if (!failing) {
                log.warn("inbox updates paused: {}", e.toString());
                failing = true;
            }
        }
        long now = System.nanoTime();
        if (now - lastBeat >= settings.heartbeat().toNanos()) {
            lastBeat = now;
            broadcast(() -> SseEmitter.event().comment("keep-alive"));
        }
    }

    // A builder is spent once sent: each stream gets its own.
    private void broadcast(Supplier<SseEmitter.SseEventBuilder> event) {
        for (var emitter : streams) {
            try {
                emitter.send(event.get());
            } catch (IOException | IllegalStateException gone) {
                streams.remove(emitter);
            }
        }
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "inbox-poller");
            thread.setDaemon(true);
            return thread;
        });
        lastBeat = System.nanoTime();
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
        streams.forEach(SseEmitter::complete);
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stopped before the web server, whose graceful stop would wait for open streams.
        return Integer.MAX_VALUE;
    }
}
