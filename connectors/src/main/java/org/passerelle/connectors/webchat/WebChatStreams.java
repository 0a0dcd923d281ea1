package org.passerelle.connectors.webchat;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of this instance, by web chat conversation id, kept in memory only.
 * A few streams per conversation (several tabs), old ones dropped first; an idle stream gets a
 * comment now and then so that proxies keep it open. The streams are closed first at shutdown,
 * so that the server's graceful stop does not wait for them.
 */
@Component
class WebChatStreams implements SmartLifecycle {

    static final int MAX_PER_CONVERSATION = 3;
    static final long RECONNECT_MILLIS = 3000;

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final WebChatSettings settings;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean running;

    WebChatStreams(WebChatSettings settings) {
        this.settings = settings;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "webchat-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Opens a new stream for a conversation. */
    SseEmitter open(String conversationId) {
        return open(conversationId, new SseEmitter(settings.streamTimeout().toMillis()));
    }

    /** Opens this stream for a conversation. */
    SseEmitter open(String conversationId, SseEmitter emitter) {
        var set = streams.computeIfAbsent(conversationId, id -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable forget = () -> forget(conversationId, emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
        while (set.size() > MAX_PER_CONVERSATION) {
            var oldest = set.iterator().next();
            set.remove(oldest);
            oldest.complete();
        }
        try {
            // A first comment sends the headers at once, so the page knows the stream is open.
            emitter.send(SseEmitter.event().comment("open").reconnectTime(RECONNECT_MILLIS));
        } catch (IOException e) {
            forget(conversationId, emitter);
        }
        return emitter;
    }

    /**
     * Sends one reply to every open stream of a conversation.
     *
     * @return how many streams took it
     */
    int deliver(String conversationId, WebChatApi.ReplyJson reply) {
        int delivered = 0;
        for (var emitter : streams.getOrDefault(conversationId, Set.of())) {
            try {
                emitter.send(SseEmitter.event().name("reply").data(reply, MediaType.APPLICATION_JSON));
                delivered++;
            } catch (IOException | IllegalStateException gone) {
                forget(conversationId, emitter);
            }
        }
        return delivered;
    }

    /** Closes the streams of a conversation, e.g. once it is erased. */
    void closeAll(String conversationId) {
        var set = streams.remove(conversationId);
        if (set != null) {
            set.forEach(SseEmitter::complete);
        }
    }

    private void forget(String conversationId, SseEmitter emitter) {
        streams.computeIfPresent(conversationId, (id, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    private void beat() {
        streams.forEach((id, set) -> set.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                forget(id, emitter);
            }
        }));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
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
